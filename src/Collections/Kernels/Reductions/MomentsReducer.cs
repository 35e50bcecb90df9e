using System.Numerics;

namespace LazyDist.Collections.Kernels.Reductions;

/// <summary>A count, a mean and the sum of squared deviations from it.</summary>
internal struct Moments
{
    public double N;
    public double Mean;
    public double M2;
}

/// <summary>
/// Count, mean, variance and standard deviation by the parallel algorithm of Chan, Golub and
/// LeVeque: each run's count, mean (a compensated sum over the count) and M2 (two passes), merged
/// with <c>M2 = M2a + M2b + δ²·na·nb/n</c>; rows fold by Welford's update. Never the naive
/// <c>E[x²] − E[x]²</c>. Once an infinity or NaN is in, the mean is the IEEE sum of the infinite
/// parts (±inf, or NaN for inf − inf) and M2 is NaN, as numpy's <c>sum / n</c> and
/// <c>mean((x − mean)²)</c> give.
/// </summary>
internal readonly struct MomentsReducer<T> : IReducer<MomentsReducer<T>, T, Moments>
    where T : unmanaged, INumber<T>
{
    public static Moments Identity => default;

    public static void Step(ref Moments state, T value, long index)
    {
        double x = double.CreateTruncating(value);
        state.N += 1;
        if (!double.IsFinite(x) || !double.IsFinite(state.Mean))
        {
            state.Mean += x;
            state.M2 = double.NaN;
            return;
        }
        double delta = x - state.Mean;
        state.Mean += delta / state.N;
        state.M2 += delta * (x - state.Mean);
    }

    public static void Run(ref Moments state, ReadOnlySpan<T> x, long first)
    {
        if (x.IsEmpty)
            return;
        var values = AsDoubles.Of(x);
        var (sum, comp) = EightLanes.CompensatedSum(values);
        double n = values.Length, mean = EightLanes.Total(sum, comp) / n;
        double m2 = double.IsFinite(mean) ? EightLanes.SumOfSquaredDeviations(values, mean) : double.NaN;
        Merge(ref state, new Moments { N = n, Mean = mean, M2 = m2 });
    }

    public static void Merge(ref Moments state, in Moments later)
    {
        if (later.N == 0)
            return;
        if (state.N == 0)
        {
            state = later;
            return;
        }
        double n = state.N + later.N;
        if (!double.IsFinite(state.Mean) || !double.IsFinite(later.Mean))
        {
            state = new Moments { N = n, Mean = state.Mean + later.Mean, M2 = double.NaN };
            return;
        }
        double delta = later.Mean - state.Mean;
        state.Mean += delta * (later.N / n);
        state.M2 += later.M2 + delta * delta * (state.N * later.N / n);
        state.N = n;
    }

    /// <summary>Count as int64; mean, variance (<c>M2 / max(n − ddof, 0)</c>, numpy's divisor) and std as float64, float32 for float32 input.</summary>
    public static Array Finish(ReadOnlySpan<Moments> states, ReducerSpec spec, DType input)
    {
        if (spec.Kind == ReduceKind.Count)
        {
            var counts = new long[states.Length];
            for (int i = 0; i < states.Length; i++)
                counts[i] = (long)states[i].N;
            return counts;
        }
        var result = new double[states.Length];
        for (int i = 0; i < states.Length; i++)
        {
            var s = states[i];
            double variance = s.M2 / Math.Max(s.N - spec.Parameter, 0);
            result[i] = spec.Kind switch
            {
                ReduceKind.Mean or ReduceKind.NanMean => s.N > 0 ? s.Mean : double.NaN,
                ReduceKind.Var or ReduceKind.NanVar => variance,
                _ => Math.Sqrt(variance),
            };
        }
        return input == DType.Float32 ? Array.ConvertAll(result, v => (float)v) : result;
    }
}
