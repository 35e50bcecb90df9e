using System.Numerics;
using System.Runtime.Intrinsics;

namespace LazyDist.Collections.Kernels.Elementwise;

/// <summary>
/// An elementwise function of one element, as a scalar and as a whole vector. The two must give
/// the same bits for each element; an operator that cannot promise that for its tail (a polynomial
/// approximation rather than one IEEE operation) says <see cref="Exact"/> false, and the loops then
/// run tails through the vector form too, so every element takes one algorithm wherever it sits.
/// </summary>
internal interface IUnaryOperator<T>
    where T : unmanaged
{
    static abstract T Invoke(T x);

    static abstract Vector<T> Invoke(Vector<T> x);

    /// <summary>Whether the vector form exists and pays; when false only the scalar form runs.</summary>
    static virtual bool Vectorizable => Vector.IsHardwareAccelerated && Vector<T>.IsSupported;

    /// <summary>Whether the scalar form gives the vector form's bits.</summary>
    static virtual bool Exact => true;
}

/// <summary>An elementwise function of two elements (see <see cref="IUnaryOperator{T}"/>).</summary>
internal interface IBinaryOperator<T>
    where T : unmanaged
{
    static abstract T Invoke(T x, T y);

    static abstract Vector<T> Invoke(Vector<T> x, Vector<T> y);

    static virtual bool Vectorizable => Vector.IsHardwareAccelerated && Vector<T>.IsSupported;

    static virtual bool Exact => true;
}

/// <summary>A predicate of two elements: true is stored as the byte 1, false as 0.</summary>
internal interface IComparisonOperator<T>
    where T : unmanaged
{
    static abstract bool Invoke(T x, T y);

    /// <summary>The predicate lane by lane, as a mask (all bits set where true): the scalar form's answers.</summary>
    static abstract Vector256<T> Invoke(Vector256<T> x, Vector256<T> y);
}

/// <summary>A predicate of one element (<c>isnan</c> and the like).</summary>
internal interface IPredicateOperator<T>
    where T : unmanaged
{
    static abstract bool Invoke(T x);
}
