using System.Numerics;
using System.Runtime.InteropServices;

namespace LazyDist.Collections.Kernels.Reductions;

/// <summary>An extreme value, and whether any element has been seen.</summary>
internal struct Extremum<T>
    where T : unmanaged
{
    public T Value;
    public byte Seen;
}

/// <summary>
/// The largest element (<see cref="Largest{T}"/>) or the smallest (<see cref="Smallest{T}"/>). NaN
/// wins (as numpy's <c>max</c> and <c>min</c>, the result is then the canonical NaN), and of equal
/// zeros +0 is the larger and −0 the smaller, so the result is the same whatever the order of the
/// elements — numpy's own choice between equal zeros depends on its loop order.
/// </summary>
internal readonly struct ExtremumReducer<T, TDirection> : IReducer<ExtremumReducer<T, TDirection>, T, Extremum<T>>
    where T : unmanaged, INumber<T>
    where TDirection : IDirection<T>
{
    public static Extremum<T> Identity => new() { Value = TDirection.Start };

    public static void Step(ref Extremum<T> state, T x, long index) => state = new() { Value = Pick(state.Value, x), Seen = 1 };

    public static void Run(ref Extremum<T> state, ReadOnlySpan<T> x, long first)
    {
        int i = 0;
        T value = state.Value;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<T>.Count)
        {
            var acc = new Vector<T>(value);
            for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
                acc = TDirection.Extreme(acc, new Vector<T>(x[i..]));
            for (int lane = 0; lane < Vector<T>.Count; lane++)
                value = Pick(value, acc[lane]);
        }
        for (; i < x.Length; i++)
            value = Pick(value, x[i]);
        state = new() { Value = value, Seen = (byte)(state.Seen | (x.IsEmpty ? 0 : 1)) };
    }

    public static void Merge(ref Extremum<T> state, in Extremum<T> later) =>
        state = new() { Value = Pick(state.Value, later.Value), Seen = (byte)(state.Seen | later.Seen) };

    public static Array Finish(ReadOnlySpan<Extremum<T>> states, ReducerSpec spec, DType input) => Limits<T>.ToResult(states, spec, input);

    private static T Pick(T a, T b) =>
        T.IsNaN(a) || T.IsNaN(b) ? Limits<T>.NaN : TDirection.Beyond(a, b) || (a == b && TDirection.WinsTie(a)) ? a : b;
}

/// <summary>The extreme values of each element type, and results of the input's type (a bool's from its bytes).</summary>
internal static class Limits<T>
    where T : unmanaged, INumber<T>
{
    public static readonly T Lowest = Pick(double.NegativeInfinity, float.NegativeInfinity, byte.MinValue, short.MinValue, int.MinValue, uint.MinValue, long.MinValue, ulong.MinValue);

    public static readonly T Highest = Pick(double.PositiveInfinity, float.PositiveInfinity, byte.MaxValue, short.MaxValue, int.MaxValue, uint.MaxValue, long.MaxValue, ulong.MaxValue);

    public static readonly T NaN = typeof(T) == typeof(double) || typeof(T) == typeof(float) ? T.CreateTruncating(double.NaN) : T.Zero;

    /// <exception cref="InvalidOperationException">A slot saw no element (an empty selection of unknown size).</exception>
    public static Array ToResult(ReadOnlySpan<Extremum<T>> states, ReducerSpec spec, DType input)
    {
        var values = new T[states.Length];
        for (int i = 0; i < states.Length; i++)
        {
            if (states[i].Seen == 0 && spec.Kind is not (ReduceKind.NanMin or ReduceKind.NanMax))
                throw new InvalidOperationException($"zero-size array to reduction operation {spec.Name} which has no identity");
            // All NaN: numpy's nanmin and nanmax give NaN (with a warning).
            values[i] = states[i].Seen == 0 ? NaN : states[i].Value;
        }
        return input == DType.Bool ? MemoryMarshal.Cast<T, bool>(values).ToArray() : values;
    }

    private static T Pick(double d, float f, byte b, short s, int i, uint u, long l, ulong ul) =>
        typeof(T) == typeof(double) ? (T)(object)d
        : typeof(T) == typeof(float) ? (T)(object)f
        : typeof(T) == typeof(byte) ? (T)(object)b
        : typeof(T) == typeof(short) ? (T)(object)s
        : typeof(T) == typeof(int) ? (T)(object)i
        : typeof(T) == typeof(uint) ? (T)(object)u
        : typeof(T) == typeof(long) ? (T)(object)l
        : (T)(object)ul;
}
