using System.Numerics;

namespace LazyDist.Collections.Kernels;

/// <summary>
/// The block kernels that order values along an axis: top-k selection (dask's <c>topk</c> and
/// <c>argtopk</c>) and numpy's <c>percentile</c> (linear) and <c>median</c>. NaN orders above
/// every number, as in numpy's sort; equal values keep their order of position.
/// </summary>
internal static class OrderKernels
{
    /// <summary>
    /// <c>[int k, int axis, int mode, long[] offsets, int[] shapes, inputs]</c>: the |k| largest (k &gt; 0,
    /// in descending order) or smallest (k &lt; 0, ascending) along the axis of the inputs joined
    /// along it. Inputs are blocks (their positions start at <c>offsets[i]</c>) or earlier results:
    /// mode 0 gives the values, 1 <c>[values, positions]</c> pairs (what arg reductions combine), 2 the positions.
    /// </summary>
    public static object TopK(object?[] a)
    {
        var inputs = (object?[])a[5]!;
        var first = inputs[0] is object?[] pair ? pair[0] : inputs[0];
        return NumericDispatch.Get<object, TopKFunction>(Blocks.TypeOf(first), new(a));
    }

    /// <summary><c>[double[] q, int axis, int[] shape, bool median, block]</c>: percentiles (q in [0, 100]) or the median along the axis.</summary>
    public static object Percentile(object?[] a) => NumericDispatch.Get<object, PercentileFunction>(Blocks.TypeOf(a[4]), new(a));

    /// <summary>Whether <paramref name="x"/> orders after <paramref name="y"/> (NaN last, as numpy's sort).</summary>
    private static int Compare<T>(T x, T y) where T : INumber<T>
    {
        bool nx = T.IsNaN(x), ny = T.IsNaN(y);
        if (nx || ny)
            return nx == ny ? 0 : nx ? 1 : -1;
        return x < y ? -1 : x > y ? 1 : 0;
    }

    private readonly struct TopKFunction(object?[] a) : INumericFunction<object>
    {
        public object Invoke<T>() where T : unmanaged, INumber<T>
        {
            int k = (int)a[0]!, axis = (int)a[1]!, mode = (int)a[2]!;
            var offsets = (long[])a[3]!;
            var shapes = (int[])a[4]!;
            var inputs = (object?[])a[5]!;
            int rank = shapes.Length / inputs.Length;
            var shape0 = shapes.AsSpan(0, rank);
            long outer = 1, inner = 1;
            for (int d = 0; d < axis; d++)
                outer *= shape0[d];
            for (int d = axis + 1; d < rank; d++)
                inner *= shape0[d];
            var values = new T[inputs.Length][];
            var positions = new long[inputs.Length][];
            var lengths = new int[inputs.Length];
            for (int i = 0; i < inputs.Length; i++)
            {
                lengths[i] = shapes[i * rank + axis];
                if (inputs[i] is object?[] pair)
                    (values[i], positions[i]) = ((T[])pair[0]!, (long[])pair[1]!);
                else
                {
                    values[i] = (T[])inputs[i]!;
                    positions[i] = new long[values[i].Length];
                    for (int p = 0; p < values[i].Length; p++)
                        positions[i][p] = offsets[i] + p / inner % lengths[i];
                }
            }
            int total = lengths.Sum(), m = Math.Min(Math.Abs(k), total);
            var outValues = new T[outer * m * inner];
            var outPositions = new long[outValues.Length];
            var candidates = new (T Value, long Position)[total];
            for (long o = 0; o < outer; o++)
            {
                for (long b = 0; b < inner; b++)
                {
                    int c = 0;
                    for (int i = 0; i < inputs.Length; i++)
                    {
                        for (int r = 0; r < lengths[i]; r++)
                        {
                            long at = (o * lengths[i] + r) * inner + b;
                            candidates[c++] = (values[i][at], positions[i][at]);
                        }
                    }
                    // Largest first for k > 0 (smallest for k < 0); ties by position.
                    Array.Sort(candidates, (x, y) =>
                    {
                        int byValue = k > 0 ? Compare(y.Value, x.Value) : Compare(x.Value, y.Value);
                        return byValue != 0 ? byValue : x.Position.CompareTo(y.Position);
                    });
                    for (int r = 0; r < m; r++)
                    {
                        long at = (o * m + r) * inner + b;
                        (outValues[at], outPositions[at]) = candidates[r];
                    }
                }
            }
            return mode switch
            {
                0 => outValues,
                1 => new object?[] { outValues, outPositions },
                _ => outPositions,
            };
        }
    }

    private readonly struct PercentileFunction(object?[] a) : INumericFunction<object>
    {
        public object Invoke<T>() where T : unmanaged, INumber<T>
        {
            var q = (double[])a[0]!;
            int axis = (int)a[1]!;
            var shape = (int[])a[2]!;
            bool median = (bool)a[3]!;
            var block = (T[])a[4]!;
            long outer = shape[..axis].Aggregate(1L, (p, s) => p * s), inner = shape[(axis + 1)..].Aggregate(1L, (p, s) => p * s);
            int n = shape[axis];
            int slots = (int)(outer * inner);
            var result = new double[q.Length * slots];
            var line = new double[n];
            for (long o = 0; o < outer; o++)
            {
                for (long b = 0; b < inner; b++)
                {
                    for (int r = 0; r < n; r++)
                        line[r] = double.CreateTruncating(block[(o * n + r) * inner + b]);
                    Array.Sort(line, Compare);
                    bool nan = n > 0 && double.IsNaN(line[^1]);
                    for (int j = 0; j < q.Length; j++)
                        result[j * slots + o * inner + b] = nan || n == 0 ? double.NaN : median ? Median(line) : Linear(line, q[j] / 100);
                }
            }
            return median && typeof(T) == typeof(float) ? Array.ConvertAll(result, v => (float)v) : result;
        }

        private static double Median(double[] sorted)
        {
            int n = sorted.Length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        }

        /// <summary>numpy's "linear" method: virtual index <c>(n − 1)·q</c>, and its <c>_lerp</c> (from the upper neighbour past the midpoint).</summary>
        private static double Linear(double[] sorted, double q)
        {
            double v = (sorted.Length - 1) * q;
            int below = (int)Math.Floor(v);
            int above = Math.Min(below + 1, sorted.Length - 1);
            double t = v - below, lo = sorted[below], hi = sorted[above], diff = hi - lo;
            return t >= 0.5 ? hi - diff * (1 - t) : lo + diff * t;
        }
    }
}
