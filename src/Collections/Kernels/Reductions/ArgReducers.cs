using System.Numerics;

namespace LazyDist.Collections.Kernels.Reductions;

/// <summary>An extreme value and its position (−1 while nothing has been seen).</summary>
internal struct ArgState<T>
    where T : unmanaged
{
    public T Value;
    public long Index;
}

/// <summary>
/// The position of the first largest element (<see cref="Largest{T}"/>) or the first smallest
/// (<see cref="Smallest{T}"/>), or of the first NaN if any, as numpy's <c>argmax</c> and
/// <c>argmin</c>; −0 and +0 are equal, so the first of them wins wherever the blocks are cut.
/// </summary>
internal readonly struct ArgExtremumReducer<T, TDirection> : IReducer<ArgExtremumReducer<T, TDirection>, T, ArgState<T>>
    where T : unmanaged, INumber<T>
    where TDirection : IDirection<T>
{
    public static ArgState<T> Identity => new() { Index = -1 };

    public static bool UsesIndex => true;

    public static void Step(ref ArgState<T> state, T x, long index)
    {
        if (state.Index < 0 || Better(x, state.Value))
            state = new() { Value = x, Index = index };
    }

    public static void Merge(ref ArgState<T> state, in ArgState<T> later)
    {
        if (ArgStates.Takes(state, later, Better(later.Value, state.Value)))
            state = later;
    }

    public static void Relocate(ref ArgState<T> state, Func<long, long> map)
    {
        if (state.Index >= 0)
            state.Index = map(state.Index);
    }

    public static Array Finish(ReadOnlySpan<ArgState<T>> states, ReducerSpec spec, DType input) => ArgStates.Indices(states, spec);

    /// <summary>Whether a later <paramref name="x"/> replaces <paramref name="current"/>: strictly further this way, or the first NaN.</summary>
    private static bool Better(T x, T current) => !T.IsNaN(current) && (TDirection.Beyond(x, current) || T.IsNaN(x));
}

internal static class ArgStates
{
    /// <summary>
    /// Whether a later partial state replaces an earlier one: it is better, or equal and earlier in
    /// the array's flat order (blocks are merged in block order, which is not flat order across rows).
    /// </summary>
    public static bool Takes<T>(in ArgState<T> state, in ArgState<T> later, bool better) where T : unmanaged, INumber<T> =>
        later.Index >= 0 && (state.Index < 0 || better || (Tie(state.Value, later.Value) && later.Index < state.Index));

    private static bool Tie<T>(T a, T b) where T : INumber<T> => a == b || (T.IsNaN(a) && T.IsNaN(b));

    /// <exception cref="InvalidOperationException">A slot saw no element.</exception>
    public static long[] Indices<T>(ReadOnlySpan<ArgState<T>> states, ReducerSpec spec) where T : unmanaged
    {
        var result = new long[states.Length];
        for (int i = 0; i < states.Length; i++)
        {
            result[i] = states[i].Index >= 0 ? states[i].Index
                : throw new InvalidOperationException(spec.Kind is ReduceKind.NanArgMin or ReduceKind.NanArgMax ? "All-NaN slice encountered" : $"attempt to get {spec.Name} of an empty sequence");
        }
        return result;
    }
}
