using LazyDist.Collections;
using LazyDist.Distributed;

namespace LazyDist.Schedulers.Tests.Distributed.Client;

/// <summary>
/// The seed's pool session with built-in operations only (so it needs no code shipping): map random
/// chunks, map their sums where they are, apply the total, get it, delete everything.
/// </summary>
internal static class PoolSeed
{
    public const int ChunkCount = 40;
    public const int ChunkLength = 100_000;

    /// <summary>The total computed here, the same way: bit for bit what the pool must give.</summary>
    public static double Expected() =>
        Chunks.Sum([.. Seeds().Select(s => Chunks.Sum(Chunks.Random(ChunkLength, s)))]);

    public static IEnumerable<ulong> Seeds() => Enumerable.Range(0, ChunkCount).Select(i => Chunks.Seed(42, i));

    /// <summary>Runs the session and checks what moved and what stayed; leaves nothing held.</summary>
    public static async Task RunAsync(Pool pool, DistributedScheduler client, CenterHost center)
    {
        var before = await client.GetStatisticsAsync();
        long gatheredBefore = client.GatheredBytes;

        var a = pool.Map(Chunks.Random, Enumerable.Repeat(ChunkLength, ChunkCount), Seeds());
        var b = pool.Map(Chunks.Sum, a);
        var total = pool.Apply(Chunks.Sum, b);
        double t = await total.GetAsync().WaitAsync(CenterProbe.Bound);

        var held = await client.GetStatisticsAsync();
        long arrayBytes = (long)ChunkCount * ChunkLength * sizeof(double);
        Assert.Multiple(() =>
        {
            Assert.That(BitConverter.DoubleToInt64Bits(t), Is.EqualTo(BitConverter.DoubleToInt64Bits(Expected())), "the total, bit for bit");
            Assert.That(held.HeldBytes - before.HeldBytes, Is.GreaterThanOrEqualTo(arrayBytes), "the arrays stay on the workers until deleted");
            Assert.That(held.TransferredBytes - before.TransferredBytes, Is.LessThanOrEqualTo(ChunkCount * sizeof(double)), "only sums moved between workers");
            Assert.That(client.GatheredBytes - gatheredBefore, Is.LessThan(1_000), "only the total came back to the client");
        });

        pool.Delete(a);
        pool.Delete(b);
        pool.Delete(total);
        var keys = a.Select(r => r.Key).Concat(b.Select(r => r.Key)).Append(total.Key).ToHashSet();
        await center.UntilAsync(s => !s.Tasks.Keys.Any(keys.Contains));
        var after = await client.GetStatisticsAsync();
        Assert.That(held.HeldBytes - after.HeldBytes, Is.GreaterThanOrEqualTo(arrayBytes), "the arrays are released");
        Assert.That(a[0].IsDeleted, Is.True);
        Assert.ThrowsAsync<InvalidOperationException>(() => a[0].GetAsync());
    }
}
