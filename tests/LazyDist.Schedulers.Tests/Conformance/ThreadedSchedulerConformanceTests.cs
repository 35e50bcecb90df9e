using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Conformance;

[TestFixture(2)]
[TestFixture(4)]
public sealed class ThreadedSchedulerConformanceTests(int threads) : SchedulerConformanceTests
{
    protected override int Parallelism => threads;

    protected override IScheduler CreateScheduler() => new ThreadedScheduler(threads);
}
