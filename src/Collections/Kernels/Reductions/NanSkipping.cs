using System.Numerics;

namespace LazyDist.Collections.Kernels.Reductions;

/// <summary>
/// A reduction that ignores NaN (numpy's <c>nansum</c>, <c>nanmean</c>, <c>nanmin</c>, ...): runs
/// without NaN go to the inner reducer as they are; runs with NaN are compacted first (or, for
/// reducers that record positions, folded element by element). The inner reducer's finish applies,
/// with numpy's all-NaN answers (NaN for min and max, an error for the arg reductions).
/// </summary>
internal readonly struct NanSkipping<TInner, T, TState> : IReducer<NanSkipping<TInner, T, TState>, T, TState>
    where TInner : IReducer<TInner, T, TState>
    where T : unmanaged, INumber<T>
    where TState : unmanaged
{
    [ThreadStatic]
    private static T[]? _compacted;

    public static TState Identity => TInner.Identity;

    public static bool UsesIndex => TInner.UsesIndex;

    public static void Step(ref TState state, T x, long index)
    {
        if (!T.IsNaN(x))
            TInner.Step(ref state, x, index);
    }

    public static void Run(ref TState state, ReadOnlySpan<T> x, long first)
    {
        int nan = IndexOfNaN(x);
        if (nan < 0)
        {
            TInner.Run(ref state, x, first);
            return;
        }
        if (TInner.UsesIndex)
        {
            for (int i = 0; i < x.Length; i++)
                Step(ref state, x[i], first + i);
            return;
        }
        if (_compacted is null || _compacted.Length < x.Length)
            _compacted = new T[Math.Max(x.Length, TileProgram.TileSize)];
        int n = 0;
        foreach (var v in x)
        {
            if (!T.IsNaN(v))
                _compacted[n++] = v;
        }
        TInner.Run(ref state, _compacted.AsSpan(0, n), first);
    }

    public static void Row(Span<TState> states, ReadOnlySpan<T> x, long index)
    {
        for (int i = 0; i < x.Length; i++)
            Step(ref states[i], x[i], index);
    }

    public static void Merge(ref TState state, in TState later) => TInner.Merge(ref state, later);

    public static void Relocate(ref TState state, Func<long, long> map) => TInner.Relocate(ref state, map);

    public static Array Finish(ReadOnlySpan<TState> states, ReducerSpec spec, DType input) => TInner.Finish(states, spec, input);

    private static int IndexOfNaN(ReadOnlySpan<T> x)
    {
        if (typeof(T) != typeof(double) && typeof(T) != typeof(float))
            return -1;
        for (int i = 0; i < x.Length; i++)
        {
            if (T.IsNaN(x[i]))
                return i;
        }
        return -1;
    }
}
