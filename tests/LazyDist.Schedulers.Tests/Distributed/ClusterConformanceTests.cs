using LazyDist.Distributed;
using LazyDist.Graph;
using LazyDist.Schedulers.Tests.Conformance;

namespace LazyDist.Schedulers.Tests.Distributed;

/// <summary>The conformance suite on clusters: the center counts the bytes its workers hold.</summary>
public abstract class ClusterConformanceTests : SchedulerConformanceTests
{
    protected abstract DistributedScheduler Client { get; }

    // Root tasks are admitted up to four per thread (SchedulerOptions.Saturation), and one more
    // chunk may be held while its deletion is on its way to the worker.
    protected override int ChunksPerSlot => 5;

    protected override async Task<int> PeakChunksAsync(Func<Task> run, long chunkBytes)
    {
        await Client.GetStatisticsAsync(resetPeak: true);
        await run();
        var stats = await Client.GetStatisticsAsync();
        return (int)(stats.PeakBytes / chunkBytes);
    }
}

[TestFixture]
public sealed class InProcessClusterConformanceTests : ClusterConformanceTests
{
    protected override int Parallelism => 2;

    protected override DistributedScheduler Client => ((InProcessCluster)Scheduler).Client;

    protected override async Task<IScheduler> CreateSchedulerAsync() => await InProcessCluster.StartAsync(workers: 2, threads: 1);
}

[TestFixture]
public sealed class LocalClusterConformanceTests : ClusterConformanceTests
{
    protected override int Parallelism => 2;

    protected override DistributedScheduler Client => ((LocalCluster)Scheduler).Client;

    protected override async Task<IScheduler> CreateSchedulerAsync() => await LocalCluster.StartAsync(workers: 2, threadsPerWorker: 1, TestLog.Create());
}
