using LazyDist.Distributed.Center;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Center;

/// <summary>Workers restarted by their nannies, as the center counts them: events in, whole instruction lists out.</summary>
public class SchedulerStateRestartTests
{
    private static (TaskKey, TaskKey[]) Root(TaskKey key) => (key, []);

    private static IReadOnlyList<SchedulerInstruction> Join(SchedulerStateFixture f, int id, string name) =>
        f.Handle(new WorkerJoinedEvent(id, name, SchedulerStateFixture.Address(id), 1, f.NextStimulus("worker-joined")));

    private static IReadOnlyList<SchedulerInstruction> Restarted(SchedulerStateFixture f, int id, string reason) =>
        f.Handle(new WorkerRestartedEvent(id, reason, f.NextStimulus("worker-restarted")));

    [Test]
    public void Restarted_BeforeTheOldConnectionClosed_RemovesTheOldProcess_AndItsTaskRunsOnTheNew()
    {
        var f = new SchedulerStateFixture();
        Join(f, 1, "n1");
        Assert.That(f.Submit(1, [Root("x")], "x"), Is.EqualTo(new SchedulerInstruction[] { f.Compute(1, "x") }));
        Assert.That(Join(f, 2, "n1"), Is.Empty);
        var restarted = Restarted(f, 2, "died (exit 137)");
        Assert.That(restarted, Is.EqualTo(new SchedulerInstruction[]
        {
            new RemoveWorkerInstruction(1, "restarted by its nanny: died (exit 137)", f.Stimulus),
            f.Compute(2, "x"),
        }));
        Assert.Multiple(() =>
        {
            Assert.That(f.RemoveWorker(1, "its connection closed"), Is.Empty, "already removed");
            Assert.That(f.State.Restarts, Is.EqualTo(1));
            Assert.That(f.State.RestartsOf("n1"), Is.EqualTo(1));
            Assert.That(f.State.Tasks["x"].KilledWorkers, Is.EqualTo(new[] { "n1" }), "the restart counted as a death of what it ran");
        });
    }

    [Test]
    public void KilledWorker_ByARestartedWorker_TheVerdictSaysWhatItsNannySaid()
    {
        var f = new SchedulerStateFixture();
        Join(f, 1, "n1");
        Assert.That(f.Submit(1, [Root("hog")], "hog"), Is.EqualTo(new SchedulerInstruction[] { f.Compute(1, "hog") }));
        const string Reason = "exceeded 95% of 400.0 MB (512.0 MB)";
        for (int id = 2; id <= 3; id++)
        {
            Assert.That(f.RemoveWorker(id - 1, "its connection closed"), Is.Empty, "no worker left to run it");
            Assert.That(Join(f, id, "n1"), Is.EqualTo(new SchedulerInstruction[] { f.Compute(id, "hog") }));
            Assert.That(Restarted(f, id, Reason), Is.Empty);
        }
        var error = new ErrorInfo("LazyDist.KilledWorker",
            $"task 'hog' kept killing workers: 3 workers died while running it (n1, n1, n1); the last one: its connection closed; their nannies said: n1 {Reason}", null);
        Assert.That(f.RemoveWorker(3, "its connection closed"), Is.EqualTo(new SchedulerInstruction[] { f.Erred(1, "hog", "hog", error) }));
        Assert.That(f.State.RestartsOf("n1"), Is.EqualTo(2));
    }

    [Test]
    public void Restarted_FromAWorkerNotConnected_ChangesNothing()
    {
        var f = new SchedulerStateFixture();
        Assert.That(Restarted(f, 9, "died (exit 137)"), Is.Empty);
        Assert.That(f.State.Restarts, Is.Zero);
    }
}
