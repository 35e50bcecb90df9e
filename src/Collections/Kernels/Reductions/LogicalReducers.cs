using System.Numerics;

namespace LazyDist.Collections.Kernels.Reductions;

/// <summary>Whether any element is true (bools held as bytes 0 and 1), as numpy's <c>any</c>; false for nothing.</summary>
internal readonly struct AnyReducer : IReducer<AnyReducer, byte, byte>
{
    public static byte Identity => 0;

    public static void Step(ref byte state, byte x, long index) => state |= x;

    public static void Run(ref byte state, ReadOnlySpan<byte> x, long first)
    {
        if (state == 0 && x.IndexOfAnyExcept((byte)0) >= 0)
            state = 1;
    }

    public static void Merge(ref byte state, in byte later) => state |= later;

    public static Array Finish(ReadOnlySpan<byte> states, ReducerSpec spec, DType input) => LogicalStates.ToBools(states);
}

/// <summary>Whether every element is true, as numpy's <c>all</c>; true for nothing.</summary>
internal readonly struct AllReducer : IReducer<AllReducer, byte, byte>
{
    public static byte Identity => 1;

    public static void Step(ref byte state, byte x, long index) => state &= x;

    public static void Run(ref byte state, ReadOnlySpan<byte> x, long first)
    {
        if (state == 1 && x.IndexOf((byte)0) >= 0)
            state = 0;
    }

    public static void Merge(ref byte state, in byte later) => state &= later;

    public static Array Finish(ReadOnlySpan<byte> states, ReducerSpec spec, DType input) => LogicalStates.ToBools(states);
}

internal static class LogicalStates
{
    public static bool[] ToBools(ReadOnlySpan<byte> states)
    {
        var result = new bool[states.Length];
        for (int i = 0; i < states.Length; i++)
            result[i] = states[i] != 0;
        return result;
    }
}
