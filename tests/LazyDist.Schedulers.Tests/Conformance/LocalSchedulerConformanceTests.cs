using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Conformance;

/// <summary>The conformance suite for schedulers of this process, which report their own run counters.</summary>
public abstract class LocalSchedulerConformanceTests : SchedulerConformanceTests
{
    protected override async Task<int> PeakChunksAsync(Func<Task> run, long chunkBytes)
    {
        await run();
        // By bytes, as the cluster fixtures count: a reduction also holds small partial-state arrays.
        return (int)(((IReportsRunStatistics)Scheduler).LastRun!.PeakHeldBytes / chunkBytes);
    }
}

[TestFixture]
public sealed class SynchronousSchedulerConformanceTests : LocalSchedulerConformanceTests
{
    protected override int Parallelism => 1;

    protected override Task<IScheduler> CreateSchedulerAsync() => Task.FromResult<IScheduler>(new SynchronousScheduler());
}

[TestFixture(2)]
[TestFixture(4)]
public sealed class ThreadedSchedulerConformanceTests(int threads) : LocalSchedulerConformanceTests
{
    protected override int Parallelism => threads;

    protected override Task<IScheduler> CreateSchedulerAsync() => Task.FromResult<IScheduler>(new ThreadedScheduler(threads));
}
