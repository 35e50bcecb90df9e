using System.Numerics;
using System.Numerics.Tensors;

namespace LazyDist.Collections.Kernels.Elementwise;

/// <summary>
/// numpy's <c>astype</c> between element types: integers wrap, floating to integer truncates
/// toward zero (saturating, NaN to 0, where numpy's result is undefined), to bool is "not zero".
/// </summary>
internal static class CastKernels
{
    public static void Run(DType from, DType to, Tile x, Tile into, int length)
    {
        var action = new FromAction(to, x, into, length);
        NumericDispatch.Run(from, ref action);
    }

    /// <summary>Converts <paramref name="x"/> into <paramref name="into"/>.</summary>
    public static void Convert<TFrom, TTo>(ReadOnlySpan<TFrom> x, Span<TTo> into, bool toBool)
        where TFrom : unmanaged, INumber<TFrom>
        where TTo : unmanaged, INumber<TTo>
    {
        if (toBool)
        {
            var bytes = ElementwiseKernels.Same<TTo, byte>(into);
            for (int i = 0; i < x.Length; i++)
                bytes[i] = x[i] != TFrom.Zero ? (byte)1 : (byte)0;
        }
        else if (typeof(TTo) == typeof(double) && (typeof(TFrom) == typeof(int) || typeof(TFrom) == typeof(float)))
        {
            // Exact conversions: any instruction sequence gives these bits.
            TensorPrimitives.ConvertTruncating<TFrom, TTo>(x, into);
        }
        else if ((typeof(TFrom) == typeof(double) || typeof(TFrom) == typeof(float)) && typeof(TTo) != typeof(double) && typeof(TTo) != typeof(float))
        {
            for (int i = 0; i < x.Length; i++)
                into[i] = TTo.CreateSaturating(x[i]);
        }
        else
        {
            for (int i = 0; i < x.Length; i++)
                into[i] = TTo.CreateTruncating(x[i]);
        }
    }

    private readonly struct FromAction(DType to, Tile x, Tile into, int n) : INumericAction
    {
        public void Invoke<TFrom>() where TFrom : unmanaged, INumber<TFrom>
        {
            var action = new ToAction<TFrom>(to == DType.Bool, x, into, n);
            NumericDispatch.Run(to, ref action);
        }
    }

    private readonly struct ToAction<TFrom>(bool toBool, Tile x, Tile into, int n) : INumericAction
        where TFrom : unmanaged, INumber<TFrom>
    {
        public void Invoke<TTo>() where TTo : unmanaged, INumber<TTo> => Convert(x.Span<TFrom>(n), into.Span<TTo>(n), toBool);
    }
}
