using System.Numerics;

namespace LazyDist.Collections.Kernels.Elementwise;

/// <summary>The elementwise operations only integer (and bool) tiles have, or have with integer rules.</summary>
internal static class IntegerKernels
{
    public static void Binary<T>(BlockOp op, int mode, ReadOnlySpan<T> x, ReadOnlySpan<T> y, T c, Span<T> into) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(byte))
            Integer(op, mode, Same<T, byte>(x), Same<T, byte>(y), (byte)(object)c, ElementwiseKernels.Same<T, byte>(into));
        else if (typeof(T) == typeof(short))
            Integer(op, mode, Same<T, short>(x), Same<T, short>(y), (short)(object)c, ElementwiseKernels.Same<T, short>(into));
        else if (typeof(T) == typeof(int))
            Integer(op, mode, Same<T, int>(x), Same<T, int>(y), (int)(object)c, ElementwiseKernels.Same<T, int>(into));
        else if (typeof(T) == typeof(uint))
            Integer(op, mode, Same<T, uint>(x), Same<T, uint>(y), (uint)(object)c, ElementwiseKernels.Same<T, uint>(into));
        else if (typeof(T) == typeof(long))
            Integer(op, mode, Same<T, long>(x), Same<T, long>(y), (long)(object)c, ElementwiseKernels.Same<T, long>(into));
        else
            Integer(op, mode, Same<T, ulong>(x), Same<T, ulong>(y), (ulong)(object)c, ElementwiseKernels.Same<T, ulong>(into));
    }

    /// <summary>Bitwise not of integers.</summary>
    public static void Invert<T>(ReadOnlySpan<T> x, Span<T> into) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(double) || typeof(T) == typeof(float))
            throw new NotSupportedException($"invert needs an integer array, not {typeof(T).Name}");
        // ~x is −x − 1 in two's complement, for every width and signedness.
        for (int i = 0; i < x.Length; i++)
            into[i] = T.Zero - x[i] - T.One;
    }

    /// <summary>Logical not (of bools as bytes).</summary>
    public static void Not(ReadOnlySpan<byte> x, Span<byte> into) => Loops.Unary<byte, NotOperator>(x, into);

    private static ReadOnlySpan<TTo> Same<T, TTo>(ReadOnlySpan<T> span) where T : unmanaged where TTo : unmanaged => ElementwiseKernels.Same<T, TTo>(span);

    private static void Integer<T>(BlockOp op, int mode, ReadOnlySpan<T> x, ReadOnlySpan<T> y, T c, Span<T> into) where T : unmanaged, IBinaryInteger<T>
    {
        switch (op)
        {
            case BlockOp.Divide or BlockOp.FloorDivide: ElementwiseKernels.Apply<T, FloorDivideIntegerOperator<T>>(mode, x, y, c, into); break;
            case BlockOp.Mod: ElementwiseKernels.Apply<T, ModIntegerOperator<T>>(mode, x, y, c, into); break;
            case BlockOp.Power: ElementwiseKernels.Apply<T, PowerIntegerOperator<T>>(mode, x, y, c, into); break;
            case BlockOp.And: ElementwiseKernels.Apply<T, AndOperator<T>>(mode, x, y, c, into); break;
            case BlockOp.Or: ElementwiseKernels.Apply<T, OrOperator<T>>(mode, x, y, c, into); break;
            case BlockOp.Xor: ElementwiseKernels.Apply<T, XorOperator<T>>(mode, x, y, c, into); break;
            default: throw new NotSupportedException($"{op} is not an operation of integer arrays");
        }
    }
}
