using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace LazyDist.Collections.Kernels.Reductions;

/// <summary>A compensated sum: the running sum and what its roundings lost.</summary>
internal struct CompensatedSum
{
    public double Sum;
    public double Comp;
}

/// <summary>
/// Floating-point sums with Neumaier compensation everywhere: within a run in eight vector lanes
/// (<see cref="EightLanes"/>), and across runs, rows and partial states. float32 is summed in
/// float64 and rounded once at the end.
/// </summary>
internal readonly struct FloatSumReducer<T> : IReducer<FloatSumReducer<T>, T, CompensatedSum>
    where T : unmanaged, INumber<T>
{
    public static CompensatedSum Identity => default;

    public static void Step(ref CompensatedSum state, T x, long index) => EightLanes.Neumaier(ref state.Sum, ref state.Comp, double.CreateTruncating(x));

    public static void Run(ref CompensatedSum state, ReadOnlySpan<T> x, long first)
    {
        var (sum, comp) = EightLanes.CompensatedSum(AsDoubles.Of(x));
        EightLanes.Neumaier(ref state.Sum, ref state.Comp, sum);
        state.Comp += comp;
    }

    public static void Merge(ref CompensatedSum state, in CompensatedSum later)
    {
        EightLanes.Neumaier(ref state.Sum, ref state.Comp, later.Sum);
        state.Comp += later.Comp;
    }

    public static Array Finish(ReadOnlySpan<CompensatedSum> states, ReducerSpec spec, DType input)
    {
        var result = new T[states.Length];
        for (int i = 0; i < states.Length; i++)
            result[i] = T.CreateTruncating(EightLanes.Total(states[i].Sum, states[i].Comp));
        return result;
    }
}

/// <summary>Integer (and bool) sums, exact in 64 bits and wrapping as numpy's; int64 for signed inputs and bools, uint64 for unsigned.</summary>
internal readonly struct IntegerSumReducer<T> : IReducer<IntegerSumReducer<T>, T, long>
    where T : unmanaged, INumber<T>
{
    public static long Identity => 0;

    public static void Step(ref long state, T x, long index) => state += long.CreateTruncating(x);

    public static void Run(ref long state, ReadOnlySpan<T> x, long first)
    {
        if (typeof(T) == typeof(long) || typeof(T) == typeof(ulong))
        {
            // Wrapping addition is associative: any order gives these bits.
            state += TensorPrimitives.Sum(MemoryMarshal.Cast<T, long>(x));
            return;
        }
        long s = 0;
        foreach (var v in x)
            s += long.CreateTruncating(v);
        state += s;
    }

    public static void Merge(ref long state, in long later) => state += later;

    public static Array Finish(ReadOnlySpan<long> states, ReducerSpec spec, DType input) =>
        spec.ResultType(input) == DType.UInt64 ? MemoryMarshal.Cast<long, ulong>(states).ToArray() : states.ToArray();
}

/// <summary>A run of elements as float64: the run itself for doubles, else a converted copy in a per-thread buffer.</summary>
internal static class AsDoubles
{
    [ThreadStatic]
    private static double[]? _buffer;

    public static ReadOnlySpan<double> Of<T>(ReadOnlySpan<T> x) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(double))
            return MemoryMarshal.Cast<T, double>(x);
        if (_buffer is null || _buffer.Length < x.Length)
            _buffer = new double[Math.Max(x.Length, TileProgram.TileSize)];
        var into = _buffer.AsSpan(0, x.Length);
        for (int i = 0; i < x.Length; i++)
            into[i] = double.CreateTruncating(x[i]);
        return into;
    }
}
