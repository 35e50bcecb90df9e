using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LazyDist.Collections.Kernels.Reductions;

/// <summary>
/// Sums in eight interleaved lanes (element <c>i</c> goes to lane <c>i mod 8</c>), the lanes then
/// folded in order and the tail after them: a fixed order of additions, so two 256-bit vectors,
/// one 512-bit vector or plain scalar code all give the same bits, on every machine.
/// </summary>
internal static class EightLanes
{
    private const int Lanes = 8;

    /// <summary>Neumaier (improved Kahan) summation: the sum and its compensation.</summary>
    public static (double Sum, double Comp) CompensatedSum(ReadOnlySpan<double> x)
    {
        int whole = x.Length - x.Length % Lanes;
        double sum = 0, comp = 0;
        if (whole > 0)
        {
            Span<double> ls = stackalloc double[Lanes], lc = stackalloc double[Lanes];
            if (Vector256.IsHardwareAccelerated)
            {
                Vector256<double> s0 = default, s1 = default, c0 = default, c1 = default;
                ref double start = ref MemoryMarshal.GetReference(x);
                for (int i = 0; i < whole; i += Lanes)
                {
                    Step(ref s0, ref c0, Vector256.LoadUnsafe(ref start, (nuint)i));
                    Step(ref s1, ref c1, Vector256.LoadUnsafe(ref start, (nuint)(i + 4)));
                }
                s0.CopyTo(ls);
                s1.CopyTo(ls[4..]);
                c0.CopyTo(lc);
                c1.CopyTo(lc[4..]);
            }
            else
            {
                ls.Clear();
                lc.Clear();
                for (int i = 0; i < whole; i++)
                    Neumaier(ref ls[i % Lanes], ref lc[i % Lanes], x[i]);
            }
            for (int lane = 0; lane < Lanes; lane++)
            {
                Neumaier(ref sum, ref comp, ls[lane]);
                comp += lc[lane];
            }
        }
        for (int i = whole; i < x.Length; i++)
            Neumaier(ref sum, ref comp, x[i]);
        return (sum, comp);
    }

    /// <summary>The plain sum, in eight lanes.</summary>
    public static double Sum(ReadOnlySpan<double> x) => SumOfSquaredDeviations(x, double.NaN, squares: false);

    /// <summary>Σ (x − mean)², in eight lanes.</summary>
    public static double SumOfSquaredDeviations(ReadOnlySpan<double> x, double mean) => SumOfSquaredDeviations(x, mean, squares: true);

    private static double SumOfSquaredDeviations(ReadOnlySpan<double> x, double mean, bool squares)
    {
        int whole = x.Length - x.Length % Lanes;
        Span<double> lanes = stackalloc double[Lanes];
        lanes.Clear();
        if (whole > 0 && Vector256.IsHardwareAccelerated)
        {
            Vector256<double> s0 = default, s1 = default, m = Vector256.Create(mean);
            ref double start = ref MemoryMarshal.GetReference(x);
            for (int i = 0; i < whole; i += Lanes)
            {
                var v0 = Vector256.LoadUnsafe(ref start, (nuint)i);
                var v1 = Vector256.LoadUnsafe(ref start, (nuint)(i + 4));
                if (squares)
                {
                    (v0, v1) = (v0 - m, v1 - m);
                    (v0, v1) = (v0 * v0, v1 * v1);
                }
                s0 += v0;
                s1 += v1;
            }
            s0.CopyTo(lanes);
            s1.CopyTo(lanes[4..]);
        }
        else
        {
            for (int i = 0; i < whole; i++)
                lanes[i % Lanes] += Term(x[i], mean, squares);
        }
        double total = 0;
        foreach (double lane in lanes)
            total += lane;
        for (int i = whole; i < x.Length; i++)
            total += Term(x[i], mean, squares);
        return total;
    }

    private static double Term(double x, double mean, bool squares)
    {
        if (!squares)
            return x;
        double d = x - mean;
        return d * d;
    }

    /// <summary>One Neumaier step: adds <paramref name="x"/> to <paramref name="sum"/>, keeping what rounding lost in <paramref name="comp"/>.</summary>
    public static void Neumaier(ref double sum, ref double comp, double x)
    {
        double t = sum + x;
        comp += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
        sum = t;
    }

    /// <summary>A compensated sum's value: the compensation is dropped once the sum is not finite (it is then inf − inf).</summary>
    public static double Total(double sum, double comp) => double.IsFinite(sum) ? sum + comp : sum;

    private static void Step(ref Vector256<double> s, ref Vector256<double> c, Vector256<double> e)
    {
        var t = s + e;
        var big = Vector256.GreaterThanOrEqual(Vector256.Abs(s), Vector256.Abs(e));
        c += Vector256.ConditionalSelect(big, (s - t) + e, (e - t) + s);
        s = t;
    }
}
