using LazyDist.Distributed.Center;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Center;

/// <summary>Tasks that wait with no worker connected fail after the timeout, saying so: events in, whole instruction lists out, on fake time.</summary>
public class SchedulerStateNoWorkersTests
{
    private static readonly ErrorInfo NoWorkers = new("LazyDist.NoWorkers", "no workers connected to 127.0.0.1:8786 for 10 s", null);

    private static SchedulerStateFixture Cluster()
    {
        var f = new SchedulerStateFixture(new SchedulerOptions { NoWorkersTimeout = TimeSpan.FromSeconds(10) });
        f.State.Address = "127.0.0.1:8786";
        return f;
    }

    private static IReadOnlyList<SchedulerInstruction> Tick(SchedulerStateFixture f, double seconds)
    {
        f.Time.Advance(TimeSpan.FromSeconds(seconds));
        return f.Handle(new TickEvent(f.NextStimulus("tick")));
    }

    [Test]
    public void NoWorkers_TasksFailAfterTheTimeout_WithTheCentersAddress_NotBefore()
    {
        var f = Cluster();
        Assert.That(f.Submit(1, [("a", []), ("b", new TaskKey[] { "a" })], "b"), Is.Empty);
        Assert.That(f.State.UnrunnableSince, Is.EqualTo(SchedulerStateFixture.T0));
        Assert.That(Tick(f, 9.9), Is.Empty);
        Assert.That(Tick(f, 0.1), Is.EqualTo(new SchedulerInstruction[] { f.Erred(1, "b", "a", NoWorkers) }));
        Assert.That(f.State.UnrunnableSince, Is.Null, "nothing waits any more");
    }

    [Test]
    public void AWorkerJoinsInTime_ItRuns_AndTheClockStartsAgainWhenItLeaves()
    {
        var f = Cluster();
        f.Submit(1, [("a", [])], "a");
        Assert.That(Tick(f, 9), Is.Empty);
        Assert.That(f.AddWorker(1), Is.EqualTo(new SchedulerInstruction[] { f.Compute(1, "a") }));
        Assert.That(f.State.UnrunnableSince, Is.Null);
        Assert.That(f.RemoveWorker(1), Is.Empty, "back to waiting, with no worker");
        Assert.That(Tick(f, 9), Is.Empty, "10 s since the first submit, 9 since the worker left");
        Assert.That(Tick(f, 1), Is.EqualTo(new SchedulerInstruction[] { f.Erred(1, "a", "a", NoWorkers) }));
    }

    [Test]
    public void NoWorkers_NothingWaiting_NothingFails()
    {
        var f = Cluster();
        Assert.That(Tick(f, 3600), Is.Empty);
        Assert.That(f.State.UnrunnableSince, Is.Null);
    }
}
