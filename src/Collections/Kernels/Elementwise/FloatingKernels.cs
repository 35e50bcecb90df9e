using System.Numerics;
using LazyDist.Collections.Kernels.Elementwise.Transcendental;

namespace LazyDist.Collections.Kernels.Elementwise;

/// <summary>The elementwise operations of floating-point tiles (float64 and float32).</summary>
internal static class FloatingKernels
{
    public static void Unary<T>(BlockOp op, ReadOnlySpan<T> x, Span<T> into) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(double))
            Floating(op, ElementwiseKernels.Same<T, double>(x), ElementwiseKernels.Same<T, double>(into));
        else if (typeof(T) == typeof(float))
            Floating(op, ElementwiseKernels.Same<T, float>(x), ElementwiseKernels.Same<T, float>(into));
        else if (op == BlockOp.Sign)
            Loops.Unary<T, SignOperator<T>>(x, into);
        else
            throw new NotSupportedException($"{op} needs a floating-point array, not {typeof(T).Name}");
    }

    public static void Binary<T>(BlockOp op, int mode, ReadOnlySpan<T> x, ReadOnlySpan<T> y, T constant, Span<T> into) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(double))
            FloatingBinary(op, mode, ElementwiseKernels.Same<T, double>(x), ElementwiseKernels.Same<T, double>(y), (double)(object)constant, ElementwiseKernels.Same<T, double>(into));
        else
            FloatingBinary(op, mode, ElementwiseKernels.Same<T, float>(x), ElementwiseKernels.Same<T, float>(y), (float)(object)constant, ElementwiseKernels.Same<T, float>(into));
    }

    private static void Floating<F>(BlockOp op, ReadOnlySpan<F> x, Span<F> into) where F : unmanaged, IFloatingPointIeee754<F>
    {
        if (op is BlockOp.Exp or BlockOp.Log or BlockOp.Sin or BlockOp.Cos)
        {
            Vectorized(op, x, into);
            return;
        }
        switch (op)
        {
            case BlockOp.Sqrt: Loops.Unary<F, SqrtOperator<F>>(x, into); break;
            case BlockOp.Tan: Loops.Unary<F, TanOperator<F>>(x, into); break;
            case BlockOp.ArcSin: Loops.Unary<F, ArcSinOperator<F>>(x, into); break;
            case BlockOp.ArcCos: Loops.Unary<F, ArcCosOperator<F>>(x, into); break;
            case BlockOp.ArcTan: Loops.Unary<F, ArcTanOperator<F>>(x, into); break;
            case BlockOp.Sinh: Loops.Unary<F, SinhOperator<F>>(x, into); break;
            case BlockOp.Cosh: Loops.Unary<F, CoshOperator<F>>(x, into); break;
            case BlockOp.Tanh: Loops.Unary<F, TanhOperator<F>>(x, into); break;
            case BlockOp.Log10: Loops.Unary<F, Log10Operator<F>>(x, into); break;
            case BlockOp.Log2: Loops.Unary<F, Log2Operator<F>>(x, into); break;
            case BlockOp.Log1p: Loops.Unary<F, Log1pOperator<F>>(x, into); break;
            case BlockOp.Expm1: Loops.Unary<F, Expm1Operator<F>>(x, into); break;
            case BlockOp.Floor: Loops.Unary<F, FloorOperator<F>>(x, into); break;
            case BlockOp.Ceil: Loops.Unary<F, CeilOperator<F>>(x, into); break;
            case BlockOp.Round: Loops.Unary<F, RoundOperator<F>>(x, into); break;
            case BlockOp.Trunc: Loops.Unary<F, TruncOperator<F>>(x, into); break;
            case BlockOp.Sign: Loops.Unary<F, SignOperator<F>>(x, into); break;
            case BlockOp.Reciprocal: Loops.Unary<F, ReciprocalOperator<F>>(x, into); break;
            default: throw new InvalidOperationException($"unknown unary instruction {op}");
        }
    }

    /// <summary>The operations with kernels of our own, one algorithm for every lane (float32 through float64).</summary>
    private static void Vectorized<F>(BlockOp op, ReadOnlySpan<F> x, Span<F> into) where F : unmanaged
    {
        if (typeof(F) == typeof(double))
        {
            var xs = ElementwiseKernels.Same<F, double>(x);
            var ds = ElementwiseKernels.Same<F, double>(into);
            switch (op)
            {
                case BlockOp.Exp: Loops.Unary<double, ExpOperator>(xs, ds); break;
                case BlockOp.Log: Loops.Unary<double, LogOperator>(xs, ds); break;
                case BlockOp.Sin: Loops.Unary<double, SinOperator>(xs, ds); break;
                default: Loops.Unary<double, CosOperator>(xs, ds); break;
            }
            return;
        }
        var fs = ElementwiseKernels.Same<F, float>(x);
        var gs = ElementwiseKernels.Same<F, float>(into);
        switch (op)
        {
            case BlockOp.Exp: Loops.Unary<float, ViaDouble<ExpOperator>>(fs, gs); break;
            case BlockOp.Log: Loops.Unary<float, ViaDouble<LogOperator>>(fs, gs); break;
            case BlockOp.Sin: Loops.Unary<float, ViaDouble<SinOperator>>(fs, gs); break;
            default: Loops.Unary<float, ViaDouble<CosOperator>>(fs, gs); break;
        }
    }

    private static void FloatingBinary<F>(BlockOp op, int mode, ReadOnlySpan<F> x, ReadOnlySpan<F> y, F c, Span<F> into) where F : unmanaged, IFloatingPointIeee754<F>
    {
        switch (op)
        {
            case BlockOp.Divide: ElementwiseKernels.Apply<F, DivideOperator<F>>(mode, x, y, c, into); break;
            case BlockOp.FloorDivide: ElementwiseKernels.Apply<F, FloorDivideFloatOperator<F>>(mode, x, y, c, into); break;
            case BlockOp.Mod: ElementwiseKernels.Apply<F, ModFloatOperator<F>>(mode, x, y, c, into); break;
            case BlockOp.Power: ElementwiseKernels.Apply<F, PowerFloatOperator<F>>(mode, x, y, c, into); break;
            case BlockOp.ArcTan2: ElementwiseKernels.Apply<F, ArcTan2Operator<F>>(mode, x, y, c, into); break;
            case BlockOp.FMin: ElementwiseKernels.Apply<F, FMinOperator<F>>(mode, x, y, c, into); break;
            case BlockOp.FMax: ElementwiseKernels.Apply<F, FMaxOperator<F>>(mode, x, y, c, into); break;
            default: throw new NotSupportedException($"{op} is not an operation of floating-point arrays");
        }
    }
}
