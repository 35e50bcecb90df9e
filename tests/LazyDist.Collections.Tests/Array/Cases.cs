using LazyDist.Graph;
using LazyDist.Schedulers;

namespace LazyDist.Collections.Tests.Array;

/// <summary>
/// Random test arrays from a seed (shapes of rank 0–3 with empty axes, explicit ragged chunkings
/// with one-element blocks), the schedulers to run them on, and plain-array reference operations.
/// </summary>
internal static class Cases
{
    public static readonly IScheduler Sync = new SynchronousScheduler();
    public static readonly IScheduler Threads = new ThreadedScheduler(2);

    /// <summary>Alternates the synchronous and threaded schedulers by seed.</summary>
    public static IScheduler On(int seed) => (seed & 1) == 0 ? Sync : Threads;

    public static long[] Shape(Random r, int minRank = 0, int maxRank = 3, int maxLength = 7)
    {
        int rank = r.Next(minRank, maxRank + 1);
        return [.. Enumerable.Range(0, rank).Select(_ => (long)(r.Next(8) == 0 ? 0 : r.Next(1, maxLength + 1)))];
    }

    public static int[][] Chunking(Random r, long[] shape) =>
        [.. shape.Select(length =>
        {
            if (length == 0)
                return new[] { 0 };
            var sizes = new List<int>();
            long left = length;
            while (left > 0)
            {
                int s = (int)Math.Min(left, r.Next(1, 4));
                sizes.Add(s);
                left -= s;
            }
            return sizes.ToArray();
        })];

    /// <summary>A random array (values in [0, 1), or small integers when <paramref name="integers"/>), and its dense values.</summary>
    public static (DistArray<double> Array, Dense Reference) Make(Random r, long[] shape, int[][]? chunks = null, bool integers = false)
    {
        chunks ??= Chunking(r, shape);
        var x = DistArray.Random(shape, chunks, (ulong)r.Next());
        if (integers)
            x = x.Select(v => Math.Floor(v * 10) - 3);
        var data = x.Compute(Sync, optimize: false);
        return (x, new Dense([.. shape.Select(s => (int)s)], data));
    }

    public static bool Close(double expected, double actual, double tolerance = 1e-12) =>
        (double.IsNaN(expected) && double.IsNaN(actual)) || expected == actual ||
        Math.Abs(expected - actual) <= tolerance * Math.Max(1.0, Math.Max(Math.Abs(expected), Math.Abs(actual)));

    public static bool Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance = 1e-12) =>
        expected.Count == actual.Count && expected.Zip(actual).All(p => Close(p.First, p.Second, tolerance));
}

/// <summary>A plain row-major array: the reference the blocked arrays are compared with.</summary>
internal sealed record Dense(int[] Shape, double[] Data)
{
    public int Rank => Shape.Length;

    public int[] Strides()
    {
        var strides = new int[Rank];
        int s = 1;
        for (int i = Rank - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= Shape[i];
        }
        return strides;
    }

    public IEnumerable<int[]> Indices()
    {
        int size = Shape.Aggregate(1, (p, s) => p * s);
        for (int flat = 0; flat < size; flat++)
        {
            var index = new int[Rank];
            int f = flat;
            for (int i = Rank - 1; i >= 0; i--)
            {
                index[i] = f % Shape[i];
                f /= Shape[i];
            }
            yield return index;
        }
    }

    public double At(int[] index) => Data[index.Zip(Strides()).Sum(p => p.First * p.Second)];

    public static Dense FromIndices(int[] shape, Func<int[], double> value)
    {
        var shell = new Dense(shape, []);
        return new Dense(shape, [.. shell.Indices().Select(value)]);
    }

    public Dense Reduce(int axis, Func<IReadOnlyList<double>, double> f)
    {
        int[] shape = [.. Shape.Where((_, a) => a != axis)];
        return FromIndices(shape, index =>
        {
            var values = new List<double>();
            for (int i = 0; i < Shape[axis]; i++)
                values.Add(At([.. index[..axis], i, .. index[axis..]]));
            return f(values);
        });
    }

    public Dense Transpose(int[] perm) =>
        FromIndices([.. perm.Select(p => Shape[p])], index =>
        {
            var source = new int[Rank];
            for (int i = 0; i < Rank; i++)
                source[perm[i]] = index[i];
            return At(source);
        });

    public Dense Map(Func<double, double> f) => this with { Data = [.. Data.Select(f)] };

    /// <summary>numpy broadcasting of two references.</summary>
    public static Dense Zip(Dense a, Dense b, Func<double, double, double> f)
    {
        int rank = Math.Max(a.Rank, b.Rank);
        int[] sa = [.. Enumerable.Repeat(1, rank - a.Rank), .. a.Shape], sb = [.. Enumerable.Repeat(1, rank - b.Rank), .. b.Shape];
        int[] shape = [.. sa.Zip(sb).Select(p => p.First == 1 ? p.Second : p.First)];
        var pa = new Dense(sa, a.Data);
        var pb = new Dense(sb, b.Data);
        return FromIndices(shape, index =>
            f(pa.At([.. index.Select((v, i) => sa[i] == 1 ? 0 : v)]), pb.At([.. index.Select((v, i) => sb[i] == 1 ? 0 : v)])));
    }
}
