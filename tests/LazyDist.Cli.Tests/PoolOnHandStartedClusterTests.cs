using LazyDist.Collections;
using LazyDist.Distributed;

namespace LazyDist.Cli.Tests;

/// <summary>The seed's pool session against a center and workers started by hand with the command line.</summary>
public class PoolOnHandStartedClusterTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Test, CancelAfter(120_000)]
    public async Task PoolSession_TotalExact_OnlySumsMove_DeleteLeavesNothingHeld()
    {
        using var center = CliRun.StartDrained("center", "--port", "0", "--no-dashboard", "--no-work-stealing"); // placement by locality only: a stolen sum of unknown duration would move its array
        string line = (await center.StandardOutput.ReadLineAsync().WaitAsync(Bound))!;
        string address = line["center listening at ".Length..];
        using var worker1 = CliRun.StartDrained("worker", address, "--nthreads", "1", "--name", "pool-1");
        using var worker2 = CliRun.StartDrained("worker", address, "--nthreads", "1", "--name", "pool-2");
        try
        {
            await using var cluster = await DistributedScheduler.ConnectAsync(address).WaitAsync(Bound);
            var pool = cluster.Pool;
            var seeds = Enumerable.Range(0, 30).Select(i => Chunks.Seed(42, i)).ToList();
            var a = pool.Map(Chunks.Random, Enumerable.Repeat(100_000, 30), seeds);
            var b = pool.Map(Chunks.Sum, a);
            var total = pool.Apply(Chunks.Sum, b);
            double t = await total.GetAsync().WaitAsync(Bound);
            var held = await cluster.GetStatisticsAsync().WaitAsync(Bound);
            pool.Delete(a);
            pool.Delete(b);
            pool.Delete(total);
            var after = await cluster.GetStatisticsAsync().WaitAsync(Bound); // answered after the deletes, which it follows on the wire

            double expected = Chunks.Sum([.. seeds.Select(s => Chunks.Sum(Chunks.Random(100_000, s)))]);
            Assert.Multiple(() =>
            {
                Assert.That(BitConverter.DoubleToInt64Bits(t), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)));
                Assert.That(held.HeldBytes, Is.GreaterThanOrEqualTo(30L * 100_000 * sizeof(double)), "the arrays stay on the workers");
                Assert.That(held.TransferredBytes, Is.LessThanOrEqualTo(30 * sizeof(double)), "only sums moved");
                Assert.That(cluster.GatheredBytes, Is.LessThan(1_000), "only the total came back");
                Assert.That(after.HeldBytes, Is.Zero);
                Assert.That(after.HeldKeys, Is.Zero);
            });
        }
        finally
        {
            CliRun.KillAll(worker1, worker2, center);
        }
    }
}
