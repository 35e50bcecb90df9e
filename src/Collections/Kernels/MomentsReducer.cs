using System.Numerics;
using System.Numerics.Tensors;

namespace LazyDist.Collections.Kernels;

/// <summary>What a moments reduction reports.</summary>
internal enum MomentKind
{
    Count,
    Mean,
    Var,
    Std,
}

/// <summary>
/// Count, mean and variance by the parallel algorithm of Chan, Golub and LeVeque: each run's
/// count, mean and sum of squared deviations (two passes over the tile), merged with
/// <c>M2 = M2a + M2b + δ²·na·nb/n</c>; rows fold by Welford's update. Never the naive
/// <c>E[x²] − E[x]²</c>. State: planar <c>[n…, mean…, M2…]</c>.
/// </summary>
internal sealed class MomentsReducer<T>(MomentKind kind, double ddof) : Reducer<T>
    where T : unmanaged, INumber<T>
{
    public override Array NewState(int outputs) => new double[3 * outputs];

    public override void Run(Array state, int slot, ReadOnlySpan<T> x, long firstIndex)
    {
        var values = typeof(T) == typeof(double) ? Doubles(x) : AsDoubles(x);
        double n = values.Length;
        double mean = TensorPrimitives.Sum(values) / n;
        var deviations = Scratch(values.Length);
        TensorPrimitives.Subtract(values, mean, deviations);
        double m2 = TensorPrimitives.SumOfSquares<double>(deviations);
        var s = (double[])state;
        int m = s.Length / 3;
        Merge(ref s[slot], ref s[m + slot], ref s[2 * m + slot], n, mean, m2);
    }

    public override void Row(Array state, int slot, ReadOnlySpan<T> x, long index)
    {
        var s = (double[])state;
        int m = s.Length / 3, len = x.Length;
        var values = typeof(T) == typeof(double) ? Doubles(x) : AsDoubles(x);
        Span<double> n = s.AsSpan(slot, len), mean = s.AsSpan(m + slot, len), m2 = s.AsSpan(2 * m + slot, len);
        var delta = Scratch(len);
        TensorPrimitives.Add(n, 1.0, n);
        TensorPrimitives.Subtract(values, mean, delta);
        // mean += delta / n; M2 += delta * (x - mean_new)
        for (int i = 0; i < len; i++)
        {
            mean[i] += delta[i] / n[i];
            m2[i] += delta[i] * (values[i] - mean[i]);
        }
    }

    public override void Combine(Array into, Array other)
    {
        var a = (double[])into;
        var b = (double[])other;
        int m = a.Length / 3;
        for (int i = 0; i < m; i++)
            Merge(ref a[i], ref a[m + i], ref a[2 * m + i], b[i], b[m + i], b[2 * m + i]);
    }

    public override object Finish(Array state, bool scalar)
    {
        var s = (double[])state;
        int m = s.Length / 3;
        if (kind == MomentKind.Count)
        {
            var counts = new long[m];
            for (int i = 0; i < m; i++)
                counts[i] = (long)s[i];
            return Finish(counts, scalar);
        }
        var result = new double[m];
        for (int i = 0; i < m; i++)
        {
            double n = s[i];
            result[i] = kind switch
            {
                MomentKind.Mean => n > 0 ? s[m + i] : double.NaN,
                MomentKind.Var => n - ddof > 0 ? s[2 * m + i] / (n - ddof) : double.NaN,
                _ => n - ddof > 0 ? Math.Sqrt(s[2 * m + i] / (n - ddof)) : double.NaN,
            };
        }
        return Finish(result, scalar);
    }

    private static void Merge(ref double na, ref double meanA, ref double m2A, double nb, double meanB, double m2B)
    {
        if (nb == 0)
            return;
        if (na == 0)
        {
            (na, meanA, m2A) = (nb, meanB, m2B);
            return;
        }
        double n = na + nb;
        double delta = meanB - meanA;
        meanA += delta * (nb / n);
        m2A += m2B + delta * delta * (na * nb / n);
        na = n;
    }
}
