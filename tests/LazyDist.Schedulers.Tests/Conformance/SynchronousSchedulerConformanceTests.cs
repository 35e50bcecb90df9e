using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Conformance;

[TestFixture]
public sealed class SynchronousSchedulerConformanceTests : SchedulerConformanceTests
{
    protected override int Parallelism => 1;

    protected override IScheduler CreateScheduler() => new SynchronousScheduler();
}
