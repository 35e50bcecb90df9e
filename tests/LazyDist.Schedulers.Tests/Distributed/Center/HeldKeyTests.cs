using LazyDist.Distributed.Center;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Center;

/// <summary>Keys held by clients (futures, remote data) and graphs that read them, by events in and whole instruction lists out.</summary>
public class HeldKeyTests
{
    [Test]
    public void GraphReadingAHeldKey_RunsWithoutResubmittingIt_NeverDeletesIt()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.Submit(1, [("held", [])], "held");
        f.Finish(1, "held", nbytes: 800);

        var sent = f.Submit(2, [("reader", ["held"])], "reader"); // another client's graph names only the key
        Assert.That(sent, Is.EqualTo(new SchedulerInstruction[] { f.Compute(1, "reader", ("held", [1], 800)) }), "ready at once, where the data is");
        Assert.That(f.Finish(1, "reader"), Is.EqualTo(new SchedulerInstruction[] { f.InMemory(2, "reader", 8, 1) }));
        Assert.That(f.Release(2, "reader"), Is.EqualTo(new SchedulerInstruction[] { f.Delete(1, "reader") }), "only the reader's result goes");
        Assert.Multiple(() =>
        {
            Assert.That(f.State.Tasks["held"].Status, Is.EqualTo(CenterTaskStatus.Memory));
            Assert.That(f.State.HeldBytes, Is.EqualTo(800));
        });
    }

    [Test]
    public void HeldKeyReleased_WhileAGraphStillReadsIt_KeptUntilThatGraphIsDone()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.Submit(1, [("held", [])], "held");
        f.Finish(1, "held");
        f.Submit(1, [("reader", ["held"])], "reader");
        Assert.That(f.Release(1, "held"), Is.Empty, "the running reader still needs it");
        Assert.That(f.Finish(1, "reader"), Is.EqualTo(new SchedulerInstruction[] { f.InMemory(1, "reader", 8, 1), f.Delete(1, "held") }));
    }

    [Test]
    public void ProcessingTaskReleased_CancelledOnItsWorker_LateResultDeleted_ResubmitRunsAgain()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.Submit(1, [("long", [])], "long");
        var cancelled = f.Release(1, "long");
        Assert.Multiple(() =>
        {
            Assert.That(cancelled, Is.EqualTo(new SchedulerInstruction[] { f.Cancel(1, "long") }));
            Assert.That(f.State.Tasks, Is.Empty, "forgotten at once");
            Assert.That(f.State.Workers[1].Processing, Is.Empty, "its thread counts as free");
        });
        Assert.That(f.Finish(1, "long"), Is.EqualTo(new SchedulerInstruction[] { f.Delete(1, "long") }), "a result nobody wants is deleted on arrival");

        var again = f.Submit(1, [("long", [])], "long");
        Assert.That(again, Is.EqualTo(new SchedulerInstruction[] { new ComputeTaskInstruction(1, "long", SchedulerStateFixture.Node, (2L << 40) + 0, [], 1, f.Stimulus) }));
    }

    [Test]
    public void DependencyUnknownToTheCenter_RejectedNamingIt()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        var sent = f.Submit(1, [("reader", ["gone"])], "reader");
        var error = new ErrorInfo(typeof(GraphValidationException).FullName!, "task 'reader' depends on 'gone', which is not in the graph", null);
        Assert.Multiple(() =>
        {
            Assert.That(sent, Is.EqualTo(new SchedulerInstruction[] { f.Erred(1, "reader", "reader", error) }));
            Assert.That(f.State.Tasks, Is.Empty);
        });
    }
}
