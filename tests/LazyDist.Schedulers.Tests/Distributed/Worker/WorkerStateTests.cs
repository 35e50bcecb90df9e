using LazyDist.Distributed.Center;
using LazyDist.Distributed.Worker;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Worker;

/// <summary>The worker's policies, by events in and instructions out.</summary>
public class WorkerStateTests
{
    private static ComputeTaskEvent Compute(TaskKey key, long priority, params (TaskKey Key, string[] Holders)[] deps) =>
        new(key, [1], priority, [.. deps.Select(d => new DependencyLocation(d.Key, d.Holders, 80))]);

    [Test]
    public void Compute_NoInputs_ExecutesAtOnce()
    {
        var state = new WorkerState(threads: 1);
        var sent = state.Handle(Compute("x", 0));
        Assert.That(sent.OfType<ExecuteInstruction>().Select(e => e.Key), Is.EqualTo(new TaskKey[] { "x" }));
    }

    [Test]
    public void Compute_InputOnAPeer_FetchedOnceForTwoTasks()
    {
        var state = new WorkerState(threads: 2);
        var first = state.Handle(Compute("a", 0, ("in", ["peer:1"])));
        var second = state.Handle(Compute("b", 1, ("in", ["peer:1"])));
        Assert.Multiple(() =>
        {
            Assert.That(first.OfType<FetchInstruction>().Select(f => (f.Key, f.Holder)), Is.EqualTo(new[] { ((TaskKey)"in", "peer:1") }));
            Assert.That(second.OfType<FetchInstruction>(), Is.Empty, "one fetch per key");
            Assert.That(first.OfType<ExecuteInstruction>().Concat(second.OfType<ExecuteInstruction>()), Is.Empty, "nothing runs before its input is here");
        });
        var arrived = state.Handle(new FetchDoneEvent("in", 80));
        Assert.That(arrived.OfType<ExecuteInstruction>().Select(e => e.Key), Is.EqualTo(new TaskKey[] { "a", "b" }));
    }

    [Test]
    public void Execute_AtMostThreads_InPriorityOrder()
    {
        var state = new WorkerState(threads: 1);
        var first = state.Handle(Compute("late", 5));
        state.Handle(Compute("early", 1));
        state.Handle(Compute("middle", 3));
        Assert.That(first.OfType<ExecuteInstruction>().Single().Key, Is.EqualTo((TaskKey)"late"));
        var next = state.Handle(new ExecuteDoneEvent("late", 8));
        Assert.Multiple(() =>
        {
            Assert.That(next.OfType<ExecuteInstruction>().Single().Key, Is.EqualTo((TaskKey)"early"));
            Assert.That(next.OfType<ReportFinishedInstruction>().Single().Key, Is.EqualTo((TaskKey)"late"));
        });
    }

    [Test]
    public void FetchedCopy_DroppedWhenItsLastLocalUserFinishes()
    {
        var state = new WorkerState(threads: 2);
        state.Handle(Compute("a", 0, ("in", ["peer:1"])));
        state.Handle(Compute("b", 1, ("in", ["peer:1"])));
        state.Handle(new FetchDoneEvent("in", 80));
        var afterA = state.Handle(new ExecuteDoneEvent("a", 8));
        var afterB = state.Handle(new ExecuteDoneEvent("b", 8));
        Assert.Multiple(() =>
        {
            Assert.That(afterA.OfType<DropInstruction>(), Is.Empty);
            Assert.That(afterB.OfType<DropInstruction>().SelectMany(d => d.Keys), Is.EqualTo(new TaskKey[] { "in" }));
            Assert.That(state.HeldKeys, Is.EqualTo(2), "a and b stay until the center deletes them");
        });
    }

    [Test]
    public void FetchFailed_TriesTheNextHolder_ThenGivesTheTaskBack()
    {
        var state = new WorkerState(threads: 1);
        state.Handle(Compute("a", 0, ("in", ["p1:1", "p2:1"])));
        var retry = state.Handle(new LazyDist.Distributed.Worker.FetchFailedEvent("in", "p1:1"));
        Assert.That(retry.OfType<FetchInstruction>().Single().Holder, Is.EqualTo("p2:1"));
        var giveUp = state.Handle(new LazyDist.Distributed.Worker.FetchFailedEvent("in", "p2:1"));
        var report = giveUp.OfType<ReportFetchFailedInstruction>().Single();
        Assert.Multiple(() =>
        {
            Assert.That((report.Task, report.Dependency), Is.EqualTo(((TaskKey)"a", (TaskKey)"in")));
            Assert.That(state.PendingTasks, Is.Zero);
        });
    }

    [Test]
    public void DeleteKeys_DropsTheResult()
    {
        var state = new WorkerState(threads: 1);
        state.Handle(Compute("x", 0));
        state.Handle(new ExecuteDoneEvent("x", 8));
        var deleted = state.Handle(new DeleteKeysEvent(["x"]));
        Assert.Multiple(() =>
        {
            Assert.That(deleted.OfType<DropInstruction>().SelectMany(d => d.Keys), Is.EqualTo(new TaskKey[] { "x" }));
            Assert.That(state.HeldKeys, Is.Zero);
        });
    }

    [Test]
    public void ExecuteFailed_ReportedAndTheThreadFreed()
    {
        var state = new WorkerState(threads: 1);
        state.Handle(Compute("bad", 0));
        state.Handle(Compute("next", 1));
        var sent = state.Handle(new ExecuteFailedEvent("bad", new ErrorInfo("System.Exception", "boom", null)));
        Assert.Multiple(() =>
        {
            Assert.That(sent.OfType<ReportErredInstruction>().Single().Error.Message, Is.EqualTo("boom"));
            Assert.That(sent.OfType<ExecuteInstruction>().Single().Key, Is.EqualTo((TaskKey)"next"));
        });
    }

    [Test]
    public void Compute_ResultAlreadyHeld_ReportedAtOnce()
    {
        var state = new WorkerState(threads: 1);
        state.Handle(Compute("x", 0));
        state.Handle(new ExecuteDoneEvent("x", 8));
        var again = state.Handle(Compute("x", 0));
        Assert.That(again.OfType<ReportFinishedInstruction>().Single().Key, Is.EqualTo((TaskKey)"x"));
    }

    [Test]
    public void CancelTask_NotStarted_Forgotten()
    {
        var state = new WorkerState(threads: 1);
        state.Handle(Compute("a", 0, ("in", ["p1:1"])));
        var cancelled = state.Handle(new LazyDist.Distributed.Worker.CancelTaskEvent("a"));
        Assert.Multiple(() =>
        {
            Assert.That(state.PendingTasks, Is.Zero);
            Assert.That(cancelled, Is.Empty);
        });
    }
}
