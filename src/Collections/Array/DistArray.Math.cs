using System.Numerics;
using LazyDist.Collections.Kernels;
using LazyDist.Graph;

namespace LazyDist.Collections;

/// <remarks>
/// Elementwise mathematics (numpy's ufuncs), each a block-program instruction, so chains of them
/// fuse into one streaming task per block. Exp, Log, Sin and Cos are vectorized kernels of our
/// own; the other transcendental functions call the C runtime one element at a time; all give an
/// element the same bits wherever it sits, on every scheduler and in every worker process.
/// </remarks>
public static partial class DistArray
{
    /// <summary>The non-negative square root of each element (correctly rounded).</summary>
    public static DistArray<T> Sqrt<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, BlockOp.Sqrt, "sqrt");

    /// <summary>e raised to each element (within 1 ulp; the same bits for an element wherever it sits).</summary>
    public static DistArray<T> Exp<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, BlockOp.Exp, "exp");

    /// <summary>The natural logarithm of each element (within 1 ulp; NaN for negatives, −inf for zero).</summary>
    public static DistArray<T> Log<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, BlockOp.Log, "log");

    /// <summary>The sine of each element, in radians (within 2 ulp).</summary>
    public static DistArray<T> Sin<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, BlockOp.Sin, "sin");

    /// <summary>The cosine of each element, in radians (within 2 ulp).</summary>
    public static DistArray<T> Cos<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, BlockOp.Cos, "cos");

    /// <summary>The tangent of each element (the C runtime's <c>tan</c>, element by element).</summary>
    public static DistArray<T> Tan<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, BlockOp.Tan, "tan");

    /// <summary>The inverse sine of each element, in [−π/2, π/2] (NaN outside [−1, 1]).</summary>
    public static DistArray<T> ArcSin<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, BlockOp.ArcSin, "arcsin");

    /// <summary>The inverse cosine of each element, in [0, π] (NaN outside [−1, 1]).</summary>
    public static DistArray<T> ArcCos<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, BlockOp.ArcCos, "arccos");

    /// <summary>The inverse tangent of each element, in [−π/2, π/2].</summary>
    public static DistArray<T> ArcTan<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, BlockOp.ArcTan, "arctan");

    /// <summary>The hyperbolic sine of each element.</summary>
    public static DistArray<T> Sinh<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, BlockOp.Sinh, "sinh");

    /// <summary>The hyperbolic cosine of each element.</summary>
    public static DistArray<T> Cosh<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, BlockOp.Cosh, "cosh");

    /// <summary>The hyperbolic tangent of each element.</summary>
    public static DistArray<T> Tanh<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, BlockOp.Tanh, "tanh");

    /// <summary>The base-10 logarithm of each element.</summary>
    public static DistArray<T> Log10<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, BlockOp.Log10, "log10");

    /// <summary>The base-2 logarithm of each element.</summary>
    public static DistArray<T> Log2<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, BlockOp.Log2, "log2");

    /// <summary><c>log(1 + x)</c>, accurate for small <c>x</c>.</summary>
    public static DistArray<T> Log1p<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, BlockOp.Log1p, "log1p");

    /// <summary><c>exp(x) − 1</c>, accurate for small <c>x</c>.</summary>
    public static DistArray<T> Expm1<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, BlockOp.Expm1, "expm1");

    /// <summary>The largest integer not above each element.</summary>
    public static DistArray<T> Floor<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, BlockOp.Floor, "floor");

    /// <summary>The smallest integer not below each element.</summary>
    public static DistArray<T> Ceil<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, BlockOp.Ceil, "ceil");

    /// <summary>Each element rounded to the nearest integer, halves to even (numpy's <c>round</c>/<c>rint</c>).</summary>
    public static DistArray<T> Round<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, BlockOp.Round, "round");

    /// <summary>Each element rounded toward zero.</summary>
    public static DistArray<T> Trunc<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, BlockOp.Trunc, "trunc");

    /// <summary><c>1 / x</c> for each element.</summary>
    public static DistArray<T> Reciprocal<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, BlockOp.Reciprocal, "reciprocal");

    /// <summary>−1, 0 or 1 by the sign of each element (0 for either zero, NaN for NaN), as numpy's <c>sign</c>.</summary>
    public static DistArray<T> Sign<T>(this DistArray<T> array) where T : unmanaged, INumber<T> => Unary(array, BlockOp.Sign, "sign");

    /// <summary>Each element squared (integers wrap).</summary>
    public static DistArray<T> Square<T>(this DistArray<T> array) where T : unmanaged, INumber<T> => Unary(array, BlockOp.Square, "square");

    /// <summary>
    /// Each element raised to <paramref name="exponent"/>: the C runtime's <c>pow</c> for floating
    /// types; for integers exact powers by squaring, wrapping as numpy's.
    /// </summary>
    /// <exception cref="TaskFailedException">At compute time: an integer raised to a negative power (numpy's message).</exception>
    public static DistArray<T> Pow<T>(this DistArray<T> array, T exponent) where T : unmanaged, INumber<T> =>
        Scalar(array, BlockOp.Power, exponent, left: false, "pow");

    /// <summary>Each element raised to the matching element of <paramref name="exponent"/> (broadcast).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together; the message names both.</exception>
    public static DistArray<T> Pow<T>(this DistArray<T> array, DistArray<T> exponent) where T : unmanaged, INumber<T> =>
        Binary(array, exponent, BlockOp.Power, "pow");

    /// <summary>The angle of the point (<paramref name="x"/>, <paramref name="y"/>) for each pair, as numpy's <c>arctan2(y, x)</c> (broadcast).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<T> ArcTan2<T>(this DistArray<T> y, DistArray<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Binary(y, x, BlockOp.ArcTan2, "arctan2");

    /// <summary>
    /// The remainder with the sign of the divisor, as numpy's <c>mod</c> (and Python's <c>%</c>):
    /// <c>x − floor(x / y)·y</c>; for floats computed as numpy does from <c>fmod</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <exception cref="TaskFailedException">At compute time: an integer divisor is zero (numpy returns 0 with a warning).</exception>
    public static DistArray<T> Mod<T>(this DistArray<T> array, DistArray<T> divisor) where T : unmanaged, INumber<T> => Binary(array, divisor, BlockOp.Mod, "mod");

    /// <summary>The remainder of each element divided by <paramref name="divisor"/>, with the divisor's sign.</summary>
    /// <exception cref="TaskFailedException">At compute time: an integer divisor is zero.</exception>
    public static DistArray<T> Mod<T>(this DistArray<T> array, T divisor) where T : unmanaged, INumber<T> => Scalar(array, BlockOp.Mod, divisor, left: false, "mod");

    /// <summary>
    /// The floor of each quotient, as numpy's <c>floor_divide</c> (<c>//</c>): for floats numpy's
    /// <c>divmod</c> rule (consistent with <see cref="Mod{T}(DistArray{T}, DistArray{T})"/>); for
    /// integers the same as <c>/</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <exception cref="TaskFailedException">At compute time: an integer divisor is zero.</exception>
    public static DistArray<T> FloorDivide<T>(this DistArray<T> array, DistArray<T> divisor) where T : unmanaged, INumber<T> => Binary(array, divisor, BlockOp.FloorDivide, "floor_divide");

    /// <summary>The floor of each element divided by <paramref name="divisor"/>.</summary>
    /// <exception cref="TaskFailedException">At compute time: an integer divisor is zero.</exception>
    public static DistArray<T> FloorDivide<T>(this DistArray<T> array, T divisor) where T : unmanaged, INumber<T> => Scalar(array, BlockOp.FloorDivide, divisor, left: false, "floor_divide");

    /// <summary>The elementwise minimum ignoring NaN (NaN only where both are), as numpy's <c>fmin</c>.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<T> FMin<T>(this DistArray<T> array, DistArray<T> other) where T : unmanaged, IFloatingPointIeee754<T> => Binary(array, other, BlockOp.FMin, "fmin");

    /// <summary>The elementwise maximum ignoring NaN, as numpy's <c>fmax</c>.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<T> FMax<T>(this DistArray<T> array, DistArray<T> other) where T : unmanaged, IFloatingPointIeee754<T> => Binary(array, other, BlockOp.FMax, "fmax");
}
