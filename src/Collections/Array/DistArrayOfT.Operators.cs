using LazyDist.Collections.Kernels;

namespace LazyDist.Collections;

public sealed partial class DistArray<T>
{
    /// <summary>Elementwise sum (numpy broadcasting; different chunks are aligned by rechunking).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together; the message names both.</exception>
    public static DistArray<T> operator +(DistArray<T> left, DistArray<T> right) => DistArray.Binary(left, right, BlockOp.Add, "add");

    /// <summary>Elementwise difference (broadcast).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<T> operator -(DistArray<T> left, DistArray<T> right) => DistArray.Binary(left, right, BlockOp.Subtract, "sub");

    /// <summary>Elementwise product (broadcast).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<T> operator *(DistArray<T> left, DistArray<T> right) => DistArray.Binary(left, right, BlockOp.Multiply, "mul");

    /// <summary>Elementwise quotient (broadcast): true division of floating-point numbers; for integers numpy's floor division <c>//</c> (the most negative value over −1 wraps; division by zero throws, naming the operation).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<T> operator /(DistArray<T> left, DistArray<T> right) => DistArray.Binary(left, right, BlockOp.Divide, "div");

    /// <summary>The remainder with the divisor's sign (numpy's <c>%</c>, as Python's; not C#'s truncated one).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<T> operator %(DistArray<T> left, DistArray<T> right) => DistArray.Binary(left, right, BlockOp.Mod, "mod");

    /// <summary>The remainder of each element divided by a scalar, with the scalar's sign.</summary>
    public static DistArray<T> operator %(DistArray<T> left, T right) => DistArray.Scalar(left, BlockOp.Mod, right, left: false, "mod");

    /// <summary>Adds a scalar to each element.</summary>
    public static DistArray<T> operator +(DistArray<T> left, T right) => DistArray.Scalar(left, BlockOp.Add, right, left: false, "add");

    /// <summary>Adds each element to a scalar.</summary>
    public static DistArray<T> operator +(T left, DistArray<T> right) => DistArray.Scalar(right, BlockOp.Add, left, left: true, "add");

    /// <summary>Subtracts a scalar from each element.</summary>
    public static DistArray<T> operator -(DistArray<T> left, T right) => DistArray.Scalar(left, BlockOp.Subtract, right, left: false, "sub");

    /// <summary>Subtracts each element from a scalar.</summary>
    public static DistArray<T> operator -(T left, DistArray<T> right) => DistArray.Scalar(right, BlockOp.Subtract, left, left: true, "sub");

    /// <summary>Multiplies each element by a scalar.</summary>
    public static DistArray<T> operator *(DistArray<T> left, T right) => DistArray.Scalar(left, BlockOp.Multiply, right, left: false, "mul");

    /// <summary>Multiplies a scalar by each element.</summary>
    public static DistArray<T> operator *(T left, DistArray<T> right) => DistArray.Scalar(right, BlockOp.Multiply, left, left: true, "mul");

    /// <summary>Divides each element by a scalar.</summary>
    public static DistArray<T> operator /(DistArray<T> left, T right) => DistArray.Scalar(left, BlockOp.Divide, right, left: false, "div");

    /// <summary>Divides a scalar by each element.</summary>
    public static DistArray<T> operator /(T left, DistArray<T> right) => DistArray.Scalar(right, BlockOp.Divide, left, left: true, "div");

    /// <summary>Negates each element.</summary>
    public static DistArray<T> operator -(DistArray<T> value) => DistArray.Unary(value, BlockOp.Negate, "neg");

    /// <summary>Adds two arrays (the named alternative to <c>+</c>).</summary>
    public DistArray<T> Add(DistArray<T> other) => this + other;

    /// <summary>Subtracts an array (the named alternative to <c>-</c>).</summary>
    public DistArray<T> Subtract(DistArray<T> other) => this - other;

    /// <summary>Multiplies two arrays (the named alternative to <c>*</c>).</summary>
    public DistArray<T> Multiply(DistArray<T> other) => this * other;

    /// <summary>Divides by an array (the named alternative to <c>/</c>).</summary>
    public DistArray<T> Divide(DistArray<T> other) => this / other;
}
