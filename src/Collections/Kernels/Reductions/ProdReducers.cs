using System.Numerics;

namespace LazyDist.Collections.Kernels.Reductions;

/// <summary>
/// Floating-point products, in float64 in eight lanes (element <c>i</c> to lane <c>i mod 8</c>,
/// the lanes then multiplied in order), so the same bits on every machine; float32 rounded once
/// at the end. numpy multiplies in its own order (and float32 in float32), so the last bits may differ.
/// </summary>
internal readonly struct FloatProdReducer<T> : IReducer<FloatProdReducer<T>, T, double>
    where T : unmanaged, INumber<T>
{
    public static double Identity => 1.0;

    public static void Step(ref double state, T x, long index) => state *= double.CreateTruncating(x);

    public static void Run(ref double state, ReadOnlySpan<T> x, long first)
    {
        var values = AsDoubles.Of(x);
        int whole = values.Length - values.Length % 8;
        Span<double> lanes = stackalloc double[8];
        lanes.Fill(1.0);
        for (int i = 0; i < whole; i++)
            lanes[i % 8] *= values[i];
        double p = 1.0;
        foreach (double lane in lanes)
            p *= lane;
        for (int i = whole; i < values.Length; i++)
            p *= values[i];
        state *= p;
    }

    public static void Merge(ref double state, in double later) => state *= later;

    public static Array Finish(ReadOnlySpan<double> states, ReducerSpec spec, DType input)
    {
        var result = new T[states.Length];
        for (int i = 0; i < states.Length; i++)
            result[i] = T.CreateTruncating(states[i]);
        return result;
    }
}

/// <summary>Integer (and bool) products, wrapping in 64 bits as numpy's; int64 for signed inputs and bools, uint64 for unsigned.</summary>
internal readonly struct IntegerProdReducer<T> : IReducer<IntegerProdReducer<T>, T, long>
    where T : unmanaged, INumber<T>
{
    public static long Identity => 1;

    public static void Step(ref long state, T x, long index) => state *= long.CreateTruncating(x);

    public static void Merge(ref long state, in long later) => state *= later;

    public static Array Finish(ReadOnlySpan<long> states, ReducerSpec spec, DType input) => IntegerSumReducer<T>.Finish(states, spec, input);
}
