using LazyDist.Collections;
using LazyDist.Distributed;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// The seed's pool session (1000 random chunks of 1,000,000 doubles, their sums where they are,
/// the total of the sums, <c>Get()</c>), written three ways on one <see cref="Pool"/>:
/// <list type="bullet">
/// <item><see cref="User"/>: user lambdas that call the same kernels as the built-ins
/// (<c>i =&gt; Chunks.Random(n, Chunks.Seed(42, i))</c>, <c>c =&gt; Chunks.Sum(c)</c>,
/// <c>sums =&gt; sums.Sum()</c>), so every task's function travels as code.</item>
/// <item><see cref="BuiltIn"/>: the registered built-ins only (<c>pool.Map(Chunks.Random, lengths, seeds)</c>,
/// <c>pool.Map(Chunks.Sum, a)</c>, <c>pool.Apply(Chunks.Sum, b)</c>), which travel by name; the chunk
/// seeds are computed here instead of on the workers.</item>
/// <item><see cref="UserLinq"/>: as a user would likely write the sum, <c>c =&gt; c.Sum()</c> (LINQ, not
/// vectorized for doubles): the same code path as <see cref="User"/> with a slower kernel.</item>
/// </list>
/// </summary>
internal static class PoolSeedFlow
{
    public const int ChunkCount = 1000;
    public const int ChunkLength = 1_000_000;

    /// <summary>The flows by name, in the order they alternate.</summary>
    public static readonly (string Name, Func<Pool, int, Handles> Start)[] All =
    [
        ("user", User),
        ("built-in", BuiltIn),
        ("user-linq", UserLinq),
    ];

    /// <summary>What a flow leaves on the cluster: the arrays, their sums and the total.</summary>
    public sealed record Handles(IReadOnlyList<RemoteData<double[]>> Arrays, IReadOnlyList<RemoteData<double>> Sums, RemoteData<double> Total)
    {
        /// <summary>Deletes everything from the cluster.</summary>
        public void Delete(Pool pool)
        {
            pool.Delete(Arrays);
            pool.Delete(Sums);
            pool.Delete(Total);
        }
    }

    public static Handles User(Pool pool, int chunks)
    {
        var a = pool.Map(i => Chunks.Random(ChunkLength, Chunks.Seed(42, i)), Enumerable.Range(0, chunks));
        var b = pool.Map(c => Chunks.Sum(c), a);
        return new Handles(a, b, pool.Apply(sums => sums.Sum(), b));
    }

    public static Handles BuiltIn(Pool pool, int chunks)
    {
        var a = pool.Map(Chunks.Random, Enumerable.Repeat(ChunkLength, chunks), Enumerable.Range(0, chunks).Select(i => Chunks.Seed(42, i)));
        var b = pool.Map(Chunks.Sum, a);
        return new Handles(a, b, pool.Apply(Chunks.Sum, b));
    }

    public static Handles UserLinq(Pool pool, int chunks)
    {
        var a = pool.Map(i => Chunks.Random(ChunkLength, Chunks.Seed(42, i)), Enumerable.Range(0, chunks));
        var b = pool.Map(c => c.Sum(), a);
        return new Handles(a, b, pool.Apply(sums => sums.Sum(), b));
    }

    /// <summary>The total computed here (the per-chunk sums exactly as the workers make them), to check against.</summary>
    public static double Expected(int chunks) =>
        Enumerable.Range(0, chunks).Sum(i => Chunks.Sum(Chunks.Random(ChunkLength, Chunks.Seed(42, i))));
}
