using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Local;

public class ThreadedSchedulerTests
{
    [Test, CancelAfter(30_000)]
    public async Task Compute_TwoThreads_RunTwoTasksAtOnce()
    {
        // Each task waits at a barrier for the other: this completes only if both run at once.
        using var barrier = new Barrier(2);
        var graph = new TaskGraph
        {
            ["a"] = TaskNode.Call(() => barrier.SignalAndWait(TimeSpan.FromSeconds(20))),
            ["b"] = TaskNode.Call(() => barrier.SignalAndWait(TimeSpan.FromSeconds(20))),
        };
        var result = await new ThreadedScheduler(2).ComputeAsync(graph, ["a", "b"]).AsTask().WaitAsync(TimeSpan.FromSeconds(25));
        Assert.That(result, Is.EqualTo(new object[] { true, true }));
    }

    [Test]
    public void Constructor_ZeroThreads_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new ThreadedScheduler(0));
    }

    [Test]
    public void Default_OneThreadPerCore()
    {
        Assert.That(new ThreadedScheduler().Threads, Is.EqualTo(Environment.ProcessorCount));
    }
}
