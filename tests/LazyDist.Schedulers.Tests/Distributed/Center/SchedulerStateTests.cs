using LazyDist.Distributed.Center;
using LazyDist.Graph;
using static LazyDist.Schedulers.Tests.Distributed.Center.SchedulerStateFixture;

namespace LazyDist.Schedulers.Tests.Distributed.Center;

/// <summary>The center's policies, by events in and instructions out: no sockets, no clocks, no sleeps.</summary>
public class SchedulerStateTests
{
    private static (TaskKey, TaskKey[]) Root(TaskKey key) => (key, []);

    private static (TaskKey, TaskKey[]) Task(TaskKey key, params TaskKey[] deps) => (key, deps);

    [Test]
    public void Submit_WideRoots_AdmittedOnlyAsThreadsAreFree_LowestPriorityFirst()
    {
        var f = new SchedulerStateFixture(new SchedulerOptions { Saturation = 1.0 });
        f.AddWorker(1);
        f.AddWorker(2);
        var keys = Enumerable.Range(0, 10).Select(i => (TaskKey)("x", i)).ToArray();
        var sent = f.Submit(1, keys.Select(Root), keys);
        Assert.That(Computes(sent), Is.EqualTo(new[] { (1, (TaskKey)("x", 0)), (2, (TaskKey)("x", 1)) }));

        var next = f.Finish(2, ("x", 1));
        Assert.That(Computes(next), Is.EqualTo(new[] { (2, (TaskKey)("x", 2)) }), "one freed thread admits one root");
    }

    [Test]
    public void Placement_TaskGoesWhereMostOfItsInputBytesAre()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.AddWorker(2);
        f.Submit(1, [Root("small"), Root("big"), Task("join", "small", "big")], "join");
        f.Finish(1, "small", nbytes: 100);
        var sent = f.Finish(2, "big", nbytes: 8_000_000);
        Assert.That(Computes(sent), Does.Contain((2, (TaskKey)"join")));
    }

    [Test]
    public void Placement_EqualBytes_LeastOccupiedWorker()
    {
        var f = new SchedulerStateFixture(new SchedulerOptions { Saturation = 4 });
        f.AddWorker(1);
        f.AddWorker(2);
        f.Submit(1, [Root("a"), Root("b"), Root("c"), Task("ab", "a", "b")], "ab", "c");
        // a -> w1, b -> w2, c -> w1 (tie on occupancy goes to the lower id): w1 is busier.
        f.Finish(1, "a", 10);
        var sent = f.Finish(2, "b", 10);
        Assert.That(Computes(sent), Does.Contain((2, (TaskKey)"ab")));
    }

    [Test]
    public void Deletion_InputDeletedWhenItsLastDependentFinishes_WantedKeyKeptUntilReleased()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.Submit(7, [Root("x"), Task("y", "x")], "y");
        f.Finish(1, "x");
        var afterY = f.Finish(1, "y");
        Assert.Multiple(() =>
        {
            Assert.That(Deletes(afterY), Is.EqualTo(new[] { (1, (TaskKey)"x") }));
            Assert.That(afterY.OfType<KeyInMemoryInstruction>().Single().Key, Is.EqualTo((TaskKey)"y"));
        });
        var released = f.Handle(new KeysReleasedEvent(7, ["y"]));
        Assert.Multiple(() =>
        {
            Assert.That(Deletes(released), Is.EqualTo(new[] { (1, (TaskKey)"y") }));
            Assert.That(f.State.Tasks, Is.Empty, "nothing is kept once nobody needs it");
        });
    }

    [Test]
    public void ClientLeft_EverythingItWantedIsReleased()
    {
        var f = new SchedulerStateFixture(new SchedulerOptions { Saturation = 1 });
        f.AddWorker(1);
        f.Submit(3, [Root("x"), Root("y"), Root("z")], "x", "y", "z");
        f.Finish(1, "x"); // y starts, z is queued
        var left = f.Handle(new ClientLeftEvent(3));
        Assert.Multiple(() =>
        {
            Assert.That(Deletes(left), Is.EqualTo(new[] { (1, (TaskKey)"x") }));
            Assert.That(left.OfType<CancelTaskInstruction>().Select(i => (i.WorkerId, i.Key)), Is.EqualTo(new[] { (1, (TaskKey)"y") }), "running y is cancelled");
            Assert.That(f.State.Tasks, Is.Empty, "z, not started, and y, running, are dropped");
        });
        var finished = f.Finish(1, "y");
        Assert.Multiple(() =>
        {
            Assert.That(Deletes(finished), Is.EqualTo(new[] { (1, (TaskKey)"y") }), "a result nobody wants is deleted on arrival");
            Assert.That(f.State.Tasks, Is.Empty);
        });
    }

    [Test]
    public void WorkerLost_ItsResultsAreRecomputedFromLineage_ItsTasksRequeued()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.AddWorker(2);
        f.Submit(1, [Root("x"), Task("y", "x"), Task("z", "y")], "z");
        f.Finish(1, "x");
        f.Finish(1, "y");
        // x was deleted after y finished; y is on w1 only and z runs there.
        var lost = f.Handle(new WorkerLeftEvent(1, "killed"));
        Assert.That(Computes(lost), Is.EqualTo(new[] { (2, (TaskKey)"x") }), string.Join("; ", lost));
        Assert.That(Computes(f.Finish(2, "x")), Is.EqualTo(new[] { (2, (TaskKey)"y") }));
        Assert.That(Computes(f.Finish(2, "y")), Is.EqualTo(new[] { (2, (TaskKey)"z") }));
        var done = f.Finish(2, "z");
        Assert.That(done.OfType<KeyInMemoryInstruction>().Single().Holders, Is.EqualTo(new[] { "w2:1" }));
    }

    [Test]
    public void KilledWorker_TaskRunningOnThreeDyingWorkers_FailsNamingThem()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.AddWorker(2);
        f.AddWorker(3);
        f.Submit(1, [Root("poison")], "poison");
        var second = f.Handle(new WorkerLeftEvent(1, "crashed"));
        var third = f.Handle(new WorkerLeftEvent(Computes(second).Single().Worker, "crashed"));
        var last = f.Handle(new WorkerLeftEvent(Computes(third).Single().Worker, "crashed"));
        var error = last.OfType<KeyErredInstruction>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Key, Is.EqualTo((TaskKey)"poison"));
            Assert.That(error.Error.Message, Does.Contain("kept killing workers").And.Contain("w1").And.Contain("w2").And.Contain("w3"));
        });
    }

    [Test]
    public void TaskErred_ReachesTheClientOfADependent_WithTheFailingKey()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.Submit(4, [Root("x"), Task("y", "x")], "y");
        var erred = f.Handle(new TaskErredEvent(1, "x", new ErrorInfo("System.InvalidOperationException", "boom", "at Here()")));
        var error = erred.OfType<KeyErredInstruction>().Single();
        Assert.Multiple(() =>
        {
            Assert.That((error.ClientId, error.Key, error.FailedKey), Is.EqualTo((4, (TaskKey)"y", (TaskKey)"x")));
            Assert.That(error.Error.Message, Is.EqualTo("boom"));
        });
    }

    [Test]
    public void Heartbeats_SilentWorkerRemoved_OthersKept()
    {
        var f = new SchedulerStateFixture(new SchedulerOptions { HeartbeatTimeout = TimeSpan.FromSeconds(10) });
        f.AddWorker(1);
        f.AddWorker(2);
        f.Handle(new HeartbeatEvent(2, 0, 0, T0.AddSeconds(8)));
        var tick = f.Handle(new TickEvent(T0.AddSeconds(12)));
        Assert.Multiple(() =>
        {
            Assert.That(tick.OfType<RemoveWorkerInstruction>().Select(r => r.WorkerId), Is.EqualTo(new[] { 1 }));
            Assert.That(f.State.WorkerCount, Is.EqualTo(1));
        });
    }

    [Test]
    public void FetchFailed_HolderDroppedAndTaskRequeued()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.AddWorker(2);
        f.Submit(1, [Root("x"), Task("y", "x")], "y");
        f.Finish(1, "x");
        // Pretend y went to w2 and w2 could not reach w1.
        var y = f.State.Tasks[new TaskKey("y")];
        var failed = f.Handle(new FetchFailedEvent(y.ProcessingOn!.Id, "y", "x", "w1:1"));
        Assert.That(Computes(failed).Select(c => c.Key), Does.Contain((TaskKey)"x"), "x is recomputed since its only copy is unreachable");
    }

    [Test]
    public void Resubmit_KeyAlreadyInMemory_ClientToldAtOnce()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.Submit(1, [Root("x")], "x");
        f.Finish(1, "x");
        var again = f.Submit(2, [Root("x")], "x");
        Assert.That(again.OfType<KeyInMemoryInstruction>().Select(i => (i.ClientId, i.Key)), Is.EqualTo(new[] { (2, (TaskKey)"x") }));
    }

    [Test]
    public void Submit_MissingDependency_ErrorNamesIt()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        var sent = f.Submit(1, [Task("y", "ghost")], "y");
        Assert.Multiple(() =>
        {
            Assert.That(sent.OfType<KeyErredInstruction>().Single().Error.Message, Does.Contain("'ghost'"));
            Assert.That(f.State.Tasks, Is.Empty);
        });
    }

    [Test]
    public void NoWorkers_TasksWaitThenStartWhenOneJoins()
    {
        var f = new SchedulerStateFixture();
        var sent = f.Submit(1, [Root("x")], "x");
        Assert.That(Computes(sent), Is.Empty);
        Assert.That(Computes(f.AddWorker(5)), Is.EqualTo(new[] { (5, (TaskKey)"x") }));
    }

    [Test]
    public void CenterNeverHoldsValues_OnlyWhereTheyAre()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.Submit(1, [Root("x")], "x");
        var done = f.Finish(1, "x", nbytes: 8_000_000);
        var notice = done.OfType<KeyInMemoryInstruction>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(notice.Holders, Is.EqualTo(new[] { "w1:1" }));
            Assert.That(notice.NBytes, Is.EqualTo(8_000_000));
            Assert.That(f.State.HeldBytes, Is.EqualTo(8_000_000));
        });
    }

    [Test]
    public void ResetPeak_StartsFromWhatWorkersHoldNow_NotFromStaleReports()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.Submit(1, [Root("x")], "x");
        f.Handle(new TaskFinishedEvent(1, "x", 8, 0, HeldKeys: 20_001)); // a report from a busier moment
        f.Handle(new KeysReleasedEvent(1, ["x"]));
        f.State.ResetPeak();
        Assert.That(f.State.PeakKeys, Is.Zero);
    }
}
