using LazyDist.Distributed.Center;
using LazyDist.Graph;
using static LazyDist.Schedulers.Tests.Distributed.Center.SchedulerStateFixture;

namespace LazyDist.Schedulers.Tests.Distributed.Center;

/// <summary>Keys held by clients (futures, remote data) and graphs that read them, by events in and instructions out.</summary>
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
        Assert.That(Computes(sent), Is.EqualTo(new[] { (1, (TaskKey)"reader") }), "ready at once, where the data is");
        var finished = f.Finish(1, "reader");
        var released = f.Handle(new KeysReleasedEvent(2, ["reader"]));
        Assert.Multiple(() =>
        {
            Assert.That(Deletes(finished).Concat(Deletes(released)), Is.EqualTo(new[] { (1, (TaskKey)"reader") }), "only the reader's result goes");
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
        var deleted = f.Handle(new KeysReleasedEvent(1, ["held"]));
        Assert.That(Deletes(deleted), Is.Empty, "the running reader still needs it");
        var done = f.Finish(1, "reader");
        Assert.That(Deletes(done), Is.EqualTo(new[] { (1, (TaskKey)"held") }));
    }

    [Test]
    public void ProcessingTaskReleased_CancelledOnItsWorker_LateResultDeleted_ResubmitRunsAgain()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.Submit(1, [("long", [])], "long");
        var cancelled = f.Handle(new KeysReleasedEvent(1, ["long"]));
        Assert.Multiple(() =>
        {
            Assert.That(cancelled.OfType<CancelTaskInstruction>().Select(i => (i.WorkerId, i.Key)), Is.EqualTo(new[] { (1, (TaskKey)"long") }));
            Assert.That(f.State.Tasks, Is.Empty, "forgotten at once");
            Assert.That(f.State.Workers[1].Processing, Is.Empty, "its thread counts as free");
        });
        var late = f.Finish(1, "long");
        Assert.That(Deletes(late), Is.EqualTo(new[] { (1, (TaskKey)"long") }), "a result nobody wants is deleted on arrival");

        var again = f.Submit(1, [("long", [])], "long");
        Assert.That(Computes(again), Is.EqualTo(new[] { (1, (TaskKey)"long") }));
    }

    [Test]
    public void DependencyUnknownToTheCenter_RejectedNamingIt()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        var sent = f.Submit(1, [("reader", ["gone"])], "reader");
        var error = sent.OfType<KeyErredInstruction>().Single();
        Assert.That(error.Error.Message, Does.Contain("'gone'"));
        Assert.That(f.State.Tasks, Is.Empty);
    }
}
