namespace LazyDist.Collections.Kernels;

/// <summary>numpy's type promotion between arrays (<c>numpy.result_type</c>): the type both operands are converted to.</summary>
internal static class TypePromotion
{
    public static DType Promote(DType a, DType b)
    {
        if (a == b || b == DType.Bool)
            return a;
        if (a == DType.Bool)
            return b;
        bool fa = DTypes.IsFloating(a), fb = DTypes.IsFloating(b);
        if (fa && fb)
            return a == DType.Float64 || b == DType.Float64 ? DType.Float64 : DType.Float32;
        if (fa || fb)
        {
            var (f, i) = fa ? (a, b) : (b, a);
            return f == DType.Float32 && DTypes.Size(i) <= 2 ? DType.Float32 : DType.Float64;
        }
        bool ua = DTypes.IsUnsigned(a), ub = DTypes.IsUnsigned(b);
        if (ua == ub)
            return DTypes.Size(a) >= DTypes.Size(b) ? a : b;
        var (signed, unsigned) = ua ? (b, a) : (a, b);
        if (DTypes.Size(signed) > DTypes.Size(unsigned))
            return signed;
        return DTypes.Size(unsigned) switch
        {
            1 => DType.Int16,
            4 => DType.Int64,
            _ => DType.Float64,
        };
    }
}
