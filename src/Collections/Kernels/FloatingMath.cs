using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace LazyDist.Collections.Kernels;

/// <summary>Dispatches the floating-point-only kernels (sqrt, exp, log, pow) to <see cref="TensorPrimitives"/> for double and float.</summary>
internal static class FloatingMath
{
    public static void Unary<T>(int code, ReadOnlySpan<T> x, Span<T> into) where T : unmanaged
    {
        if (typeof(T) == typeof(double))
            UnaryF(code, MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(into));
        else if (typeof(T) == typeof(float))
            UnaryF(code, MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(into));
        else
            throw new NotSupportedException($"operation {code} needs a floating-point array, not {typeof(T).Name}");
    }

    public static void Pow<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> into) where T : unmanaged
    {
        if (typeof(T) == typeof(double))
            TensorPrimitives.Pow(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y), MemoryMarshal.Cast<T, double>(into));
        else if (typeof(T) == typeof(float))
            TensorPrimitives.Pow(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y), MemoryMarshal.Cast<T, float>(into));
        else
            throw new NotSupportedException($"Pow needs a floating-point array, not {typeof(T).Name}");
    }

    public static void Pow<T>(ReadOnlySpan<T> x, T y, Span<T> into) where T : unmanaged
    {
        if (typeof(T) == typeof(double))
            TensorPrimitives.Pow(MemoryMarshal.Cast<T, double>(x), (double)(object)y, MemoryMarshal.Cast<T, double>(into));
        else if (typeof(T) == typeof(float))
            TensorPrimitives.Pow(MemoryMarshal.Cast<T, float>(x), (float)(object)y, MemoryMarshal.Cast<T, float>(into));
        else
            throw new NotSupportedException($"Pow needs a floating-point array, not {typeof(T).Name}");
    }

    public static void Pow<T>(T x, ReadOnlySpan<T> y, Span<T> into) where T : unmanaged
    {
        if (typeof(T) == typeof(double))
            TensorPrimitives.Pow((double)(object)x, MemoryMarshal.Cast<T, double>(y), MemoryMarshal.Cast<T, double>(into));
        else if (typeof(T) == typeof(float))
            TensorPrimitives.Pow((float)(object)x, MemoryMarshal.Cast<T, float>(y), MemoryMarshal.Cast<T, float>(into));
        else
            throw new NotSupportedException($"Pow needs a floating-point array, not {typeof(T).Name}");
    }

    private static void UnaryF<F>(int code, ReadOnlySpan<F> x, Span<F> into) where F : unmanaged, IFloatingPointIeee754<F>
    {
        switch (code)
        {
            case ProgramCode.Sqrt: TensorPrimitives.Sqrt(x, into); break;
            case ProgramCode.Exp: TensorPrimitives.Exp(x, into); break;
            case ProgramCode.Log: TensorPrimitives.Log(x, into); break;
            default: throw new InvalidOperationException($"unknown unary instruction {code}");
        }
    }
}
