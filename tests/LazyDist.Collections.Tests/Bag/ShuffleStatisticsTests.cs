using LazyDist.Distributed;

namespace LazyDist.Collections.Tests.Bag;

/// <summary>A shuffle on real worker processes: buckets go from the worker that made them to the worker that needs them.</summary>
public class ShuffleStatisticsTests
{
    [Test, CancelAfter(180_000)]
    public async Task GroupBy_OnALocalCluster_NoBucketThroughTheClientAndEachPairCrossesAtMostOnce()
    {
        const int pairs = 200_000, partitions = 16;
        var groups = DistBag.Range(0, pairs, partitions).Select(i => ((long)(i * 7919L % 1000), (long)i)).GroupBy(p => p.Item1).Select(g => g.Count());
        var total = groups.Sum();
        await using var cluster = await LocalCluster.StartAsync(workers: 2, threadsPerWorker: 1);
        var before = await cluster.Client.GetStatisticsAsync();
        long gatheredBefore = cluster.Client.GatheredBytes;
        int result = await total.ComputeAsync(cluster);
        var after = await cluster.Client.GetStatisticsAsync();
        long moved = after.TransferredBytes - before.TransferredBytes;
        long gathered = cluster.Client.GatheredBytes - gatheredBefore;
        long allPairs = 16L * pairs, bucketHeaders = 64L * partitions * partitions;
        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(pairs));
            Assert.That(gathered, Is.LessThan(1024), "the client gathers the total only, no bucket");
            // How much crosses depends on how many partitions each worker ran, which work stealing decides by
            // timing (under load as little as a quarter did): only "some" is certain, since both workers start with
            // map tasks and every reduce task needs a bucket of every map task.
            Assert.That(moved, Is.GreaterThan(0), "buckets go from one worker to the other");
            Assert.That(moved, Is.LessThanOrEqualTo(allPairs + bucketHeaders + 64L * 1024), "no pair crosses the wire twice");
        });
    }
}
