using System.Numerics;
using LazyDist.Collections.Kernels;

namespace LazyDist.Collections;

/// <remarks>
/// Comparisons give arrays of bools (numpy's <c>equal</c>, <c>less</c>, ...), fused like any
/// elementwise operation: IEEE rules, so NaN compares unequal to everything and −0 equals +0.
/// <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c> and <c>&gt;=</c> are also operators; equality is a
/// method only, so that <c>==</c> keeps its meaning for references.
/// </remarks>
public static partial class DistArray
{
    /// <summary>Whether each element equals the matching element of <paramref name="other"/> (broadcast).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<bool> Equal<T>(this DistArray<T> array, DistArray<T> other) where T : unmanaged => Compare(array, other, BlockOp.Equal, "equal");

    /// <summary>Whether each element equals <paramref name="value"/>.</summary>
    public static DistArray<bool> Equal<T>(this DistArray<T> array, T value) where T : unmanaged => Compare(array, value, BlockOp.Equal, "equal");

    /// <summary>Whether each element differs from the matching element of <paramref name="other"/> (broadcast; NaN differs from itself).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<bool> NotEqual<T>(this DistArray<T> array, DistArray<T> other) where T : unmanaged => Compare(array, other, BlockOp.NotEqual, "not_equal");

    /// <summary>Whether each element differs from <paramref name="value"/>.</summary>
    public static DistArray<bool> NotEqual<T>(this DistArray<T> array, T value) where T : unmanaged => Compare(array, value, BlockOp.NotEqual, "not_equal");

    /// <summary>Whether each element is below the matching element of <paramref name="other"/> (also the operator <c>&lt;</c>).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<bool> Less<T>(this DistArray<T> array, DistArray<T> other) where T : unmanaged => Compare(array, other, BlockOp.Less, "less");

    /// <summary>Whether each element is below <paramref name="value"/>.</summary>
    public static DistArray<bool> Less<T>(this DistArray<T> array, T value) where T : unmanaged => Compare(array, value, BlockOp.Less, "less");

    /// <summary>Whether each element is at most the matching element of <paramref name="other"/> (also <c>&lt;=</c>).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<bool> LessEqual<T>(this DistArray<T> array, DistArray<T> other) where T : unmanaged => Compare(array, other, BlockOp.LessEqual, "less_equal");

    /// <summary>Whether each element is at most <paramref name="value"/>.</summary>
    public static DistArray<bool> LessEqual<T>(this DistArray<T> array, T value) where T : unmanaged => Compare(array, value, BlockOp.LessEqual, "less_equal");

    /// <summary>Whether each element is above the matching element of <paramref name="other"/> (also <c>&gt;</c>).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<bool> Greater<T>(this DistArray<T> array, DistArray<T> other) where T : unmanaged => Compare(array, other, BlockOp.Greater, "greater");

    /// <summary>Whether each element is above <paramref name="value"/>.</summary>
    public static DistArray<bool> Greater<T>(this DistArray<T> array, T value) where T : unmanaged => Compare(array, value, BlockOp.Greater, "greater");

    /// <summary>Whether each element is at least the matching element of <paramref name="other"/> (also <c>&gt;=</c>).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<bool> GreaterEqual<T>(this DistArray<T> array, DistArray<T> other) where T : unmanaged => Compare(array, other, BlockOp.GreaterEqual, "greater_equal");

    /// <summary>Whether each element is at least <paramref name="value"/>.</summary>
    public static DistArray<bool> GreaterEqual<T>(this DistArray<T> array, T value) where T : unmanaged => Compare(array, value, BlockOp.GreaterEqual, "greater_equal");

    /// <summary>Whether each element is NaN (never, for integers).</summary>
    public static DistArray<bool> IsNaN<T>(this DistArray<T> array) where T : unmanaged, INumber<T> => ElementwiseLayer.Unary<T, bool>(array, BlockOp.IsNaN, "isnan");

    /// <summary>Whether each element is +inf or −inf.</summary>
    public static DistArray<bool> IsInf<T>(this DistArray<T> array) where T : unmanaged, INumber<T> => ElementwiseLayer.Unary<T, bool>(array, BlockOp.IsInf, "isinf");

    /// <summary>Whether each element is neither infinite nor NaN.</summary>
    public static DistArray<bool> IsFinite<T>(this DistArray<T> array) where T : unmanaged, INumber<T> => ElementwiseLayer.Unary<T, bool>(array, BlockOp.IsFinite, "isfinite");

    internal static DistArray<bool> Compare<T>(DistArray<T> array, DistArray<T> other, BlockOp op, string kind) where T : unmanaged =>
        ElementwiseLayer.Binary<T, bool>(array, other, op, kind);

    internal static DistArray<bool> Compare<T>(DistArray<T> array, T value, BlockOp op, string kind, bool left = false) where T : unmanaged =>
        ElementwiseLayer.Scalar<T, bool>(array, op, value, left, kind);
}
