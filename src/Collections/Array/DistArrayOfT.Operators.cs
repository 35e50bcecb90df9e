using LazyDist.Collections.Kernels;

namespace LazyDist.Collections;

public sealed partial class DistArray<T>
{
    /// <summary>Elementwise sum (numpy broadcasting; different chunks are aligned by rechunking).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together; the message names both.</exception>
    public static DistArray<T> operator +(DistArray<T> left, DistArray<T> right) => DistArray.Binary(left, right, ProgramCode.Add, "add");

    /// <summary>Elementwise difference (broadcast).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<T> operator -(DistArray<T> left, DistArray<T> right) => DistArray.Binary(left, right, ProgramCode.Sub, "sub");

    /// <summary>Elementwise product (broadcast).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<T> operator *(DistArray<T> left, DistArray<T> right) => DistArray.Binary(left, right, ProgramCode.Mul, "mul");

    /// <summary>Elementwise quotient (broadcast; integer division truncates and throws on zero).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<T> operator /(DistArray<T> left, DistArray<T> right) => DistArray.Binary(left, right, ProgramCode.Div, "div");

    /// <summary>Adds a scalar to each element.</summary>
    public static DistArray<T> operator +(DistArray<T> left, T right) => DistArray.Scalar(left, ProgramCode.Add, right, left: false, "add");

    /// <summary>Adds each element to a scalar.</summary>
    public static DistArray<T> operator +(T left, DistArray<T> right) => DistArray.Scalar(right, ProgramCode.Add, left, left: true, "add");

    /// <summary>Subtracts a scalar from each element.</summary>
    public static DistArray<T> operator -(DistArray<T> left, T right) => DistArray.Scalar(left, ProgramCode.Sub, right, left: false, "sub");

    /// <summary>Subtracts each element from a scalar.</summary>
    public static DistArray<T> operator -(T left, DistArray<T> right) => DistArray.Scalar(right, ProgramCode.Sub, left, left: true, "sub");

    /// <summary>Multiplies each element by a scalar.</summary>
    public static DistArray<T> operator *(DistArray<T> left, T right) => DistArray.Scalar(left, ProgramCode.Mul, right, left: false, "mul");

    /// <summary>Multiplies a scalar by each element.</summary>
    public static DistArray<T> operator *(T left, DistArray<T> right) => DistArray.Scalar(right, ProgramCode.Mul, left, left: true, "mul");

    /// <summary>Divides each element by a scalar.</summary>
    public static DistArray<T> operator /(DistArray<T> left, T right) => DistArray.Scalar(left, ProgramCode.Div, right, left: false, "div");

    /// <summary>Divides a scalar by each element.</summary>
    public static DistArray<T> operator /(T left, DistArray<T> right) => DistArray.Scalar(right, ProgramCode.Div, left, left: true, "div");

    /// <summary>Negates each element.</summary>
    public static DistArray<T> operator -(DistArray<T> value) => DistArray.Unary(value, ProgramCode.Neg, "neg");

    /// <summary>Adds two arrays (the named alternative to <c>+</c>).</summary>
    public DistArray<T> Add(DistArray<T> other) => this + other;

    /// <summary>Subtracts an array (the named alternative to <c>-</c>).</summary>
    public DistArray<T> Subtract(DistArray<T> other) => this - other;

    /// <summary>Multiplies two arrays (the named alternative to <c>*</c>).</summary>
    public DistArray<T> Multiply(DistArray<T> other) => this * other;

    /// <summary>Divides by an array (the named alternative to <c>/</c>).</summary>
    public DistArray<T> Divide(DistArray<T> other) => this / other;
}
