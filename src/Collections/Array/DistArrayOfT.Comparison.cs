using LazyDist.Collections.Kernels;

namespace LazyDist.Collections;

public sealed partial class DistArray<T>
{
    /// <summary>Whether each element is below the matching element (numpy's <c>&lt;</c>, broadcast).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<bool> operator <(DistArray<T> left, DistArray<T> right) => DistArray.Compare(left, right, BlockOp.Less, "less");

    /// <summary>Whether each element is above the matching element (broadcast).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<bool> operator >(DistArray<T> left, DistArray<T> right) => DistArray.Compare(left, right, BlockOp.Greater, "greater");

    /// <summary>Whether each element is at most the matching element (broadcast).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<bool> operator <=(DistArray<T> left, DistArray<T> right) => DistArray.Compare(left, right, BlockOp.LessEqual, "less_equal");

    /// <summary>Whether each element is at least the matching element (broadcast).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<bool> operator >=(DistArray<T> left, DistArray<T> right) => DistArray.Compare(left, right, BlockOp.GreaterEqual, "greater_equal");

    /// <summary>Whether each element is below a scalar.</summary>
    public static DistArray<bool> operator <(DistArray<T> left, T right) => DistArray.Compare(left, right, BlockOp.Less, "less");

    /// <summary>Whether each element is above a scalar.</summary>
    public static DistArray<bool> operator >(DistArray<T> left, T right) => DistArray.Compare(left, right, BlockOp.Greater, "greater");

    /// <summary>Whether each element is at most a scalar.</summary>
    public static DistArray<bool> operator <=(DistArray<T> left, T right) => DistArray.Compare(left, right, BlockOp.LessEqual, "less_equal");

    /// <summary>Whether each element is at least a scalar.</summary>
    public static DistArray<bool> operator >=(DistArray<T> left, T right) => DistArray.Compare(left, right, BlockOp.GreaterEqual, "greater_equal");

    /// <summary>Whether a scalar is below each element.</summary>
    public static DistArray<bool> operator <(T left, DistArray<T> right) => DistArray.Compare(right, left, BlockOp.Less, "less", left: true);

    /// <summary>Whether a scalar is above each element.</summary>
    public static DistArray<bool> operator >(T left, DistArray<T> right) => DistArray.Compare(right, left, BlockOp.Greater, "greater", left: true);

    /// <summary>Whether a scalar is at most each element.</summary>
    public static DistArray<bool> operator <=(T left, DistArray<T> right) => DistArray.Compare(right, left, BlockOp.LessEqual, "less_equal", left: true);

    /// <summary>Whether a scalar is at least each element.</summary>
    public static DistArray<bool> operator >=(T left, DistArray<T> right) => DistArray.Compare(right, left, BlockOp.GreaterEqual, "greater_equal", left: true);

    /// <summary>Bitwise and of integers, logical and of bools (numpy's <c>&amp;</c>, broadcast).</summary>
    /// <exception cref="ArgumentException">Floating-point elements, or shapes that cannot be broadcast together.</exception>
    public static DistArray<T> operator &(DistArray<T> left, DistArray<T> right) => DistArray.Binary(left, right, BlockOp.And, "and");

    /// <summary>Bitwise or of integers, logical or of bools (numpy's <c>|</c>, broadcast).</summary>
    /// <exception cref="ArgumentException">Floating-point elements, or shapes that cannot be broadcast together.</exception>
    public static DistArray<T> operator |(DistArray<T> left, DistArray<T> right) => DistArray.Binary(left, right, BlockOp.Or, "or");

    /// <summary>Bitwise exclusive or of integers, logical of bools (numpy's <c>^</c>, broadcast).</summary>
    /// <exception cref="ArgumentException">Floating-point elements, or shapes that cannot be broadcast together.</exception>
    public static DistArray<T> operator ^(DistArray<T> left, DistArray<T> right) => DistArray.Binary(left, right, BlockOp.Xor, "xor");

    /// <summary>Bitwise not of integers, logical not of bools (numpy's <c>~</c>).</summary>
    /// <exception cref="ArgumentException">Floating-point elements.</exception>
    public static DistArray<T> operator ~(DistArray<T> value) => DistArray.Unary(value, DTypes.Of<T>() == DType.Bool ? BlockOp.Not : BlockOp.Invert, "invert");
}
