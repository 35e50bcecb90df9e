using LazyDist.Distributed.Center;
using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Center;

/// <summary>
/// The center's policies, by events in and whole instruction lists out (an extra or a missing
/// instruction fails): no sockets, no sleeps, fake time.
/// </summary>
public class SchedulerStateTests
{
    private static readonly ErrorInfo Boom = new("System.InvalidOperationException", "boom", "at Here()");

    private static (TaskKey, TaskKey[]) Root(TaskKey key) => (key, []);

    private static (TaskKey, TaskKey[]) Task(TaskKey key, params TaskKey[] deps) => (key, deps);

    [Test]
    public void Submit_WideRoots_AdmittedOnlyAsThreadsAreFree_LowestPriorityFirst()
    {
        var f = new SchedulerStateFixture(new SchedulerOptions { Saturation = 1.0, LeadTime = TimeSpan.Zero });
        f.AddWorker(1);
        f.AddWorker(2);
        var keys = Enumerable.Range(0, 10).Select(i => (TaskKey)("x", i)).ToArray();
        var sent = f.Submit(1, keys.Select(Root), keys);
        Assert.That(sent, Is.EqualTo(new SchedulerInstruction[] { f.Compute(1, ("x", 0)), f.Compute(2, ("x", 1)) }));

        var next = f.Finish(2, ("x", 1));
        Assert.That(next, Is.EqualTo(new SchedulerInstruction[] { f.InMemory(1, ("x", 1), 8, 2), f.Compute(2, ("x", 2)) }), "one freed thread admits one root");
    }

    [Test]
    public void Admission_RootsKnownShortAndSmall_MoreSentAhead_AsLeadTimeAndBytesAllow()
    {
        // Every finished task ran 1 ms and returned 8 bytes: 2 ms of lead is two tasks ahead.
        var f = new SchedulerStateFixture(new SchedulerOptions { Saturation = 1.0, LeadTime = TimeSpan.FromMilliseconds(2) });
        f.AddWorker(1);
        var keys = Enumerable.Range(0, 10).Select(i => (TaskKey)("x", i)).ToArray();
        Assert.That(f.Submit(1, keys.Select(Root), keys), Is.EqualTo(new SchedulerInstruction[] { f.Compute(1, ("x", 0)) }), "nothing is known of them yet");
        Assert.That(f.Finish(1, ("x", 0)), Is.EqualTo(new SchedulerInstruction[] { f.InMemory(1, ("x", 0), 8, 1), f.Compute(1, ("x", 1)), f.Compute(1, ("x", 2)) }));

        var bounded = new SchedulerStateFixture(new SchedulerOptions { Saturation = 1.0, LeadTime = TimeSpan.FromMilliseconds(2), LeadBytes = 8 });
        bounded.AddWorker(1);
        bounded.Submit(1, keys.Select(Root), keys);
        Assert.That(bounded.Finish(1, ("x", 0)), Is.EqualTo(new SchedulerInstruction[] { bounded.InMemory(1, ("x", 0), 8, 1), bounded.Compute(1, ("x", 1)) }), "8 bytes of lead: one result at a time");
    }

    [Test]
    public void Placement_TaskGoesWhereMostOfItsInputBytesAre()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.AddWorker(2);
        var roots = f.Submit(1, [Root("small"), Root("big"), Task("join", "small", "big")], "join");
        Assert.That(roots, Is.EqualTo(new SchedulerInstruction[] { f.Compute(1, "small"), f.Compute(2, "big") }));
        Assert.That(f.Finish(1, "small", nbytes: 100), Is.Empty, "join still waits for big");
        var sent = f.Finish(2, "big", nbytes: 8_000_000);
        Assert.That(sent, Is.EqualTo(new SchedulerInstruction[] { f.Compute(2, "join", ("small", [1], 100), ("big", [2], 8_000_000)) }));
    }

    [Test]
    public void Placement_EqualBytes_LeastOccupiedWorker()
    {
        var f = new SchedulerStateFixture(new SchedulerOptions { Saturation = 4 });
        f.AddWorker(1);
        f.AddWorker(2);
        var roots = f.Submit(1, [Root("a"), Root("b"), Root("c"), Task("ab", "a", "b")], "ab", "c");
        Assert.That(roots, Is.EqualTo(new SchedulerInstruction[] { f.Compute(1, "a"), f.Compute(2, "b"), f.Compute(1, "c") }), "ties on occupancy go to the lower id");
        f.Finish(1, "a", 10);
        var sent = f.Finish(2, "b", 10);
        Assert.That(sent, Is.EqualTo(new SchedulerInstruction[] { f.Compute(2, "ab", ("a", [1], 10), ("b", [2], 10)) }), "w1 still runs c");
    }

    [Test]
    public void Deletion_InputDeletedWhenItsLastDependentFinishes_WantedKeyKeptUntilReleased()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        Assert.That(f.Submit(7, [Root("x"), Task("y", "x")], "y"), Is.EqualTo(new SchedulerInstruction[] { f.Compute(1, "x") }));
        Assert.That(f.Finish(1, "x"), Is.EqualTo(new SchedulerInstruction[] { f.Compute(1, "y", ("x", [1], 8)) }));
        Assert.That(f.Finish(1, "y"), Is.EqualTo(new SchedulerInstruction[] { f.InMemory(7, "y", 8, 1), f.Delete(1, "x") }));
        Assert.That(f.Release(7, "y"), Is.EqualTo(new SchedulerInstruction[] { f.Delete(1, "y") }));
        Assert.That(f.State.Tasks, Is.Empty, "nothing is kept once nobody needs it");
    }

    [Test]
    public void ClientLeft_EverythingItWantedIsReleased_RunningTaskCancelled()
    {
        var f = new SchedulerStateFixture(new SchedulerOptions { Saturation = 1 });
        f.AddWorker(1);
        f.Submit(3, [Root("x"), Root("y"), Root("z")], "x", "y", "z");
        Assert.That(f.Finish(1, "x"), Is.EqualTo(new SchedulerInstruction[] { f.InMemory(3, "x", 8, 1), f.Compute(1, "y") }));
        var left = f.Handle(new ClientLeftEvent(3, f.NextStimulus("client-left")));
        Assert.Multiple(() =>
        {
            Assert.That(left, Is.EqualTo(new SchedulerInstruction[] { f.Cancel(1, "y"), f.Delete(1, "x") }));
            Assert.That(f.State.Tasks, Is.Empty, "z, not started, and y, running, are dropped");
        });
        Assert.That(f.Finish(1, "y"), Is.EqualTo(new SchedulerInstruction[] { f.Delete(1, "y") }), "a result nobody wants is deleted on arrival");
        Assert.That(f.State.Tasks, Is.Empty);
    }

    [Test]
    public void WorkerLost_ItsResultsAreRecomputedFromLineage_ItsTasksRequeued()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.AddWorker(2);
        Assert.That(f.Submit(1, [Root("x"), Task("y", "x"), Task("z", "y")], "z"), Is.EqualTo(new SchedulerInstruction[] { f.Compute(1, "x") }));
        Assert.That(f.Finish(1, "x"), Is.EqualTo(new SchedulerInstruction[] { f.Compute(1, "y", ("x", [1], 8)) }));
        Assert.That(f.Finish(1, "y"), Is.EqualTo(new SchedulerInstruction[] { f.Compute(1, "z", ("y", [1], 8)), f.Delete(1, "x") }));
        // x was deleted after y finished; y is on w1 only, and z runs there.
        Assert.That(f.RemoveWorker(1), Is.EqualTo(new SchedulerInstruction[] { f.Compute(2, "x") }));
        Assert.That(f.Finish(2, "x"), Is.EqualTo(new SchedulerInstruction[] { f.Compute(2, "y", ("x", [2], 8)) }));
        Assert.That(f.Finish(2, "y"), Is.EqualTo(new SchedulerInstruction[] { f.Compute(2, "z", ("y", [2], 8)), f.Delete(2, "x") }));
        Assert.That(f.Finish(2, "z"), Is.EqualTo(new SchedulerInstruction[] { f.InMemory(1, "z", 8, 2), f.Delete(2, "y") }));
    }

    [Test]
    public void KilledWorker_TaskRunningOnThreeDyingWorkers_FailsNamingThem()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.AddWorker(2);
        f.AddWorker(3);
        Assert.That(f.Submit(1, [Root("poison")], "poison"), Is.EqualTo(new SchedulerInstruction[] { f.Compute(1, "poison") }));
        Assert.That(f.RemoveWorker(1, "crashed"), Is.EqualTo(new SchedulerInstruction[] { f.Compute(2, "poison") }));
        Assert.That(f.RemoveWorker(2, "crashed"), Is.EqualTo(new SchedulerInstruction[] { f.Compute(3, "poison") }));
        var last = f.RemoveWorker(3, "crashed");
        var error = new ErrorInfo("LazyDist.KilledWorker",
            "task 'poison' kept killing workers: 3 workers died while running it (w1, w2, w3); the last one: crashed", null);
        Assert.That(last, Is.EqualTo(new SchedulerInstruction[] { f.Erred(1, "poison", "poison", error) }));
    }

    [Test]
    public void TaskErred_ReachesTheClientOfADependent_WithTheFailingKey()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.Submit(4, [Root("x"), Task("y", "x")], "y");
        Assert.That(f.Err(1, "x", Boom), Is.EqualTo(new SchedulerInstruction[] { f.Erred(4, "y", "x", Boom) }));
        Assert.That(f.State.Tasks["y"].Status, Is.EqualTo(CenterTaskStatus.Erred));
    }

    [Test]
    public void Heartbeats_SilentWorkerRemoved_OthersKept()
    {
        var f = new SchedulerStateFixture(new SchedulerOptions { HeartbeatTimeout = TimeSpan.FromSeconds(10) });
        f.AddWorker(1);
        f.AddWorker(2);
        f.Time.Advance(TimeSpan.FromSeconds(8));
        Assert.That(f.Handle(new HeartbeatEvent(2, 0, 0, f.NextStimulus("heartbeat"))), Is.Empty);
        f.Time.Advance(TimeSpan.FromSeconds(4));
        var tick = f.Handle(new TickEvent(f.NextStimulus("tick")));
        Assert.Multiple(() =>
        {
            Assert.That(tick, Is.EqualTo(new SchedulerInstruction[] { new RemoveWorkerInstruction(1, "no heartbeat for 12 s", f.Stimulus) }));
            Assert.That(f.State.WorkerCount, Is.EqualTo(1));
        });
    }

    [Test]
    public void FetchFailed_LastHolderDropped_InputRecomputed_TaskSentOnAfterIt()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.AddWorker(2);
        f.Submit(1, [Root("a"), Root("b"), Task("y", "a", "b")], "y");
        f.Finish(1, "a", 8);
        Assert.That(f.Finish(2, "b", 100), Is.EqualTo(new SchedulerInstruction[] { f.Compute(2, "y", ("a", [1], 8), ("b", [2], 100)) }));
        // w2 could not get a from w1: the worker dropped y; a is recomputed, no cancel goes back to w2.
        var failed = f.Handle(new FetchFailedEvent(2, "y", "a", new[] { SchedulerStateFixture.Address(1) }, f.NextStimulus("fetch-failed")));
        Assert.That(failed, Is.EqualTo(new SchedulerInstruction[] { f.Compute(1, "a") }));
        Assert.That(f.Finish(1, "a", 8), Is.EqualTo(new SchedulerInstruction[] { f.Compute(2, "y", ("a", [1], 8), ("b", [2], 100)) }));
    }

    [Test]
    public void FetchFailed_AnotherHolderLeft_TaskSentAgainWithIt()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.AddWorker(2);
        f.Submit(1, [Root("a")], "a");
        f.Finish(1, "a", 8);
        f.Handle(new TaskFinishedEvent(2, new TaskRun("a", 8, 0, SchedulerStateFixture.T0, SchedulerStateFixture.T0), 0, 1, f.NextStimulus("task-finished")));
        Assert.That(f.Submit(1, [Task("y", "a")], "y"), Is.EqualTo(new SchedulerInstruction[] { f.Compute(1, "y", ("a", [1, 2], 8)) }));
        var failed = f.Handle(new FetchFailedEvent(1, "y", "a", new[] { SchedulerStateFixture.Address(1) }, f.NextStimulus("fetch-failed")));
        Assert.That(failed, Is.EqualTo(new SchedulerInstruction[] { f.Compute(2, "y", ("a", [2], 8)) }));
    }

    [Test]
    public void Submit_InParts_NothingRunsBeforeTheLast_PrioritiesShareOneGeneration()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        var first = f.Handle(new GraphSubmittedEvent(1, new[] { new TaskSpec("a", [], SchedulerStateFixture.Node, 0) }, [], f.NextStimulus("graph-submitted"), More: true));
        Assert.That(first, Is.Empty, "the wanted keys come with the last part");
        var last = f.Handle(new GraphSubmittedEvent(1, new[] { new TaskSpec("b", new TaskKey[] { "a" }, SchedulerStateFixture.Node, 1) }, new TaskKey[] { "b" }, f.NextStimulus("graph-submitted")));
        Assert.That(last, Is.EqualTo(new SchedulerInstruction[] { new ComputeTaskInstruction(1, "a", SchedulerStateFixture.Node, (1L << 40) + 0, [], 1, f.Stimulus) }));
        Assert.That(f.State.Tasks["b"].Priority, Is.EqualTo((1L << 40) + 1), "one generation for both parts");
    }

    [Test]
    public void Submit_InParts_ClientLeavesBeforeTheLast_ItsTasksForgotten()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.Handle(new GraphSubmittedEvent(1, new[] { new TaskSpec("a", [], SchedulerStateFixture.Node, 0) }, [], f.NextStimulus("graph-submitted"), More: true));
        Assert.That(f.Handle(new ClientLeftEvent(1, f.NextStimulus("client-left"))), Is.Empty);
        Assert.That(f.State.Tasks, Is.Empty);
    }

    [Test]
    public void Resubmit_KeyAlreadyInMemory_ClientToldAtOnce()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.Submit(1, [Root("x")], "x");
        f.Finish(1, "x");
        Assert.That(f.Submit(2, [Root("x")], "x"), Is.EqualTo(new SchedulerInstruction[] { f.InMemory(2, "x", 8, 1) }));
    }

    [Test]
    public void Submit_MissingDependency_ErrorNamesIt()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        var sent = f.Submit(1, [Task("y", "ghost")], "y");
        var error = new ErrorInfo(typeof(GraphValidationException).FullName!, "task 'y' depends on 'ghost', which is not in the graph", null);
        Assert.Multiple(() =>
        {
            Assert.That(sent, Is.EqualTo(new SchedulerInstruction[] { f.Erred(1, "y", "y", error) }));
            Assert.That(f.State.Tasks, Is.Empty);
        });
    }

    [Test]
    public void NoWorkers_TasksWaitThenStartWhenOneJoins()
    {
        var f = new SchedulerStateFixture();
        Assert.That(f.Submit(1, [Root("x")], "x"), Is.Empty);
        Assert.That(f.AddWorker(5), Is.EqualTo(new SchedulerInstruction[] { f.Compute(5, "x") }));
    }

    [Test]
    public void CenterNeverHoldsValues_OnlyWhereTheyAre()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.Submit(1, [Root("x")], "x");
        Assert.That(f.Finish(1, "x", nbytes: 8_000_000), Is.EqualTo(new SchedulerInstruction[] { f.InMemory(1, "x", 8_000_000, 1) }));
        Assert.That(f.State.HeldBytes, Is.EqualTo(8_000_000));
    }

    [Test]
    public void ResetPeak_StartsFromWhatWorkersHoldNow_NotFromStaleReports()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.Submit(1, [Root("x")], "x");
        f.Finish(1, "x", heldKeys: 20_001); // a report from a busier moment
        f.Release(1, "x");
        f.State.ResetPeak();
        Assert.That(f.State.PeakKeys, Is.Zero);
    }

    [Test]
    public void Story_TellsEveryMoveOfAKey_WithItsStimulusAndTime()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.Submit(1, [Root("x")], "x");
        string submitted = f.Stimulus;
        f.Time.Advance(TimeSpan.FromSeconds(1));
        f.Finish(1, "x");
        string finished = f.Stimulus;
        f.Time.Advance(TimeSpan.FromSeconds(1));
        f.Release(1, "x");
        string released = f.Stimulus;
        var t0 = SchedulerStateFixture.T0;
        Assert.That(f.State.Story("x"), Is.EqualTo(new TransitionRecord<CenterTaskStatus>[]
        {
            new("x", CenterTaskStatus.Forgotten, CenterTaskStatus.Released, submitted, t0),
            new("x", CenterTaskStatus.Released, CenterTaskStatus.Waiting, submitted, t0),
            new("x", CenterTaskStatus.Waiting, CenterTaskStatus.Queued, submitted, t0),
            new("x", CenterTaskStatus.Queued, CenterTaskStatus.Processing, submitted, t0),
            new("x", CenterTaskStatus.Processing, CenterTaskStatus.Memory, finished, t0.AddSeconds(1)),
            new("x", CenterTaskStatus.Memory, CenterTaskStatus.Released, released, t0.AddSeconds(2)),
            new("x", CenterTaskStatus.Released, CenterTaskStatus.Forgotten, released, t0.AddSeconds(2)),
        }));
    }

    [Test]
    public void Prefixes_CountTasksPerKeyGroupByStatus_AndTheirRunTimes()
    {
        var f = new SchedulerStateFixture(new SchedulerOptions { Saturation = 1, LeadTime = TimeSpan.Zero });
        f.AddWorker(1);
        TaskKey[] incs = [("inc", 0), ("inc", 1), ("inc", 2)];
        f.Submit(1, [.. incs.Select(Root), Task("sum-0123456789abcdef", incs)], "sum-0123456789abcdef");
        f.Finish(1, ("inc", 0));
        var inc = f.State.Prefixes["inc"];
        Assert.Multiple(() =>
        {
            Assert.That((inc.Count(CenterTaskStatus.Memory), inc.Count(CenterTaskStatus.Processing), inc.Count(CenterTaskStatus.Queued)), Is.EqualTo((1, 1, 1)));
            Assert.That(f.State.Prefixes["sum"].Count(CenterTaskStatus.Waiting), Is.EqualTo(1), "the token is not part of the prefix");
            Assert.That((inc.Finished, inc.MeanDuration), Is.EqualTo((1L, (TimeSpan?)TimeSpan.FromMilliseconds(1))));
        });
    }

    [Test]
    public void TransitionTable_AllowsOnlyTheMovesOfTheLifecycle()
    {
        var moves = SchedulerState.LegalMoves;
        Assert.Multiple(() =>
        {
            Assert.That(moves, Does.Contain((CenterTaskStatus.Processing, CenterTaskStatus.Memory)));
            Assert.That(moves, Does.Not.Contain((CenterTaskStatus.Memory, CenterTaskStatus.Processing)), "a result is never run again without being released");
            Assert.That(moves, Does.Not.Contain((CenterTaskStatus.Forgotten, CenterTaskStatus.Waiting)));
            Assert.That(moves.Where(m => m.To == CenterTaskStatus.Forgotten).Select(m => m.From), Is.EqualTo(new[] { CenterTaskStatus.Released }), "only a released task is forgotten");
        });
    }

    [Test]
    public void Handle_UnknownEvent_ThrowsNamingIt()
    {
        var f = new SchedulerStateFixture();
        var ex = Assert.Throws<ArgumentException>(() => f.State.Handle(new UnknownEvent("unknown-1")));
        Assert.That(ex!.Message, Does.Contain(nameof(UnknownEvent)));
    }

    private sealed record UnknownEvent(string StimulusId) : SchedulerEvent(StimulusId);
}
