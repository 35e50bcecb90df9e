using LazyDist.Collections;
using LazyDist.Distributed;

namespace LazyDist.Schedulers.Tests.Distributed.Memory;

/// <summary>Real worker processes under a memory limit: data of twice the limit is held by spilling, and every answer is exact.</summary>
public class SpillingClusterTests
{
    private const int ChunkSize = 1_000_000;       // 8 MB chunks
    private const long Limit = 256_000_000;        // spill above 154 MB, pause above 205 MB

    [Test, CancelAfter(300_000)]
    public async Task Persist_TwiceTheWorkersMemoryLimit_SumExact_AndItSpilled()
    {
        const int chunks = 64;                      // 512 MB: twice the limit
        var random = DistArray.Random((long)chunks * ChunkSize, ChunkSize, seed: 7);
        double expected = random.Sum().Compute(new SynchronousScheduler());
        await using var cluster = await LocalCluster.StartAsync(new LocalClusterOptions { Workers = 1, MemoryLimit = Limit });

        var persisted = await cluster.PersistAsync(random);
        double sum = persisted.Sum().Compute(cluster);
        double again = persisted.Sum().Compute(cluster);

        Assert.That(BitConverter.DoubleToInt64Bits(sum), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)));
        Assert.That(BitConverter.DoubleToInt64Bits(again), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)), "spilled chunks read back once are still exact the second time");
        // The worker's next heartbeat carries what it spilled: at least the data above its limit went to disk.
        await cluster.Center.WaitForAsync(s => s.Workers.Values.Sum(w => w.SpilledBytes) >= chunks * 8L * ChunkSize - Limit, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(60));
        var statistics = await cluster.Client.GetStatisticsAsync();
        Assert.That(statistics.SpilledBytes, Is.GreaterThanOrEqualTo(chunks * 8L * ChunkSize - Limit));
    }
}
