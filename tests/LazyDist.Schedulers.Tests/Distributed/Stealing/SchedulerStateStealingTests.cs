using LazyDist.Distributed.Center;
using LazyDist.Distributed.States;
using LazyDist.Graph;
using LazyDist.Schedulers.Tests.Distributed.Center;

namespace LazyDist.Schedulers.Tests.Distributed.Stealing;

/// <summary>Work stealing at the center, by events in and whole instruction lists out, on fake time: the happy path and each race.</summary>
public class SchedulerStateStealingTests
{
    private static readonly TaskKey In = "in";
    private static readonly TaskKey[] Slow = [("slow", 1), ("slow", 2), ("slow", 3)];

    /// <summary>Two one-thread workers; w1 holds <c>in</c>, so the three tasks reading it all go to w1 and w2 is idle.</summary>
    private static SchedulerStateFixture Skewed(SchedulerOptions? options = null, long inputBytes = 8)
    {
        var f = new SchedulerStateFixture(options);
        f.AddWorker(1);
        f.AddWorker(2);
        f.Submit(1, [(In, Array.Empty<TaskKey>()), .. Slow.Select(k => (k, new[] { In }))], Slow);
        var placed = f.Finish(1, In, nbytes: inputBytes);
        Assert.That(SchedulerStateFixture.Computes(placed), Is.EqualTo(Slow.Select(k => (1, k))), "data placement puts every reader of in on w1");
        return f;
    }

    private static IReadOnlyList<SchedulerInstruction> Balance(SchedulerStateFixture f) => f.Handle(new BalanceEvent(f.NextStimulus("balance")));

    private static IReadOnlyList<SchedulerInstruction> Answer(SchedulerStateFixture f, int victim, TaskKey key, bool stolen, string request) =>
        f.Handle(new StealResponseEvent(victim, key, stolen, request));

    private static StealRequestInstruction Request(SchedulerStateFixture f, int victim, TaskKey key, int thief) => new(victim, key, thief, f.Stimulus);

    [Test]
    public void Balance_SaturatedAndIdleWorker_AsksForTheLastQueuedTask_ThenMovesIt()
    {
        var f = Skewed();
        Assert.That(Balance(f), Is.EqualTo(new SchedulerInstruction[] { Request(f, 1, Slow[2], 2) }), "w2 has one free thread: one task, the last w1 would run");
        string request = f.Stimulus;
        Assert.That(Balance(f), Is.Empty, "in flight: not asked twice, and w2's thread is spoken for");
        Assert.That(Answer(f, 1, Slow[2], stolen: true, request), Is.EqualTo(new SchedulerInstruction[] { f.Compute(2, Slow[2], (In, [1], 8)) }));
        Assert.Multiple(() =>
        {
            Assert.That(f.State.Tasks[Slow[2]].ProcessingOn!.Id, Is.EqualTo(2));
            Assert.That(f.State.Story(Slow[2])[^1], Is.EqualTo(new TransitionRecord<CenterTaskStatus>(Slow[2], CenterTaskStatus.Processing, CenterTaskStatus.Processing, request, SchedulerStateFixture.T0)));
            Assert.That((f.State.StealRequests, f.State.StolenTasks, f.State.StealsInFlight), Is.EqualTo((1L, 1L, 0)));
        });
        Assert.That(Balance(f), Is.Empty, "no idle worker left");
    }

    [Test]
    public void StealResponse_VictimKeepsIt_StaysThere_NotAskedAgain()
    {
        var f = Skewed();
        Balance(f);
        Assert.That(Answer(f, 1, Slow[2], stolen: false, f.Stimulus), Is.Empty, "running there already");
        Assert.That(f.State.Tasks[Slow[2]].ProcessingOn!.Id, Is.EqualTo(1));
        Assert.That(Balance(f), Is.EqualTo(new SchedulerInstruction[] { Request(f, 1, Slow[1], 2) }), "the next one instead");
    }

    [Test]
    public void StealResponse_VictimFinishedItMeanwhile_AnswerIgnored()
    {
        var f = Skewed();
        Balance(f);
        string request = f.Stimulus;
        Assert.That(f.Finish(1, Slow[2]), Is.EqualTo(new SchedulerInstruction[] { f.InMemory(1, Slow[2], 8, 1) }));
        Assert.That(Answer(f, 1, Slow[2], stolen: false, request), Is.Empty);
        Assert.That(Answer(f, 1, Slow[2], stolen: true, request), Is.Empty, "even a wrong answer cannot move a finished task");
        Assert.That(f.State.Tasks[Slow[2]].Status, Is.EqualTo(CenterTaskStatus.Memory));
    }

    [Test]
    public void StealResponse_VictimDiedMeanwhile_TasksRecomputedOnce_AnswerIgnored()
    {
        var f = Skewed();
        Balance(f);
        string request = f.Stimulus;
        // w1 held in and ran the three: in is recomputed on w2, the readers wait for it.
        Assert.That(f.RemoveWorker(1), Is.EqualTo(new SchedulerInstruction[] { f.Compute(2, In) }));
        Assert.That(f.State.StealsInFlight, Is.Zero);
        Assert.That(Answer(f, 1, Slow[2], stolen: true, request), Is.Empty, "a dead worker's answer");
        Assert.That(SchedulerStateFixture.Computes(f.Finish(2, In)), Is.EqualTo(Slow.Select(k => (2, k))));
    }

    [Test]
    public void StealResponse_ThiefDiedMeanwhile_TaskPlacedAfresh()
    {
        var f = Skewed();
        Balance(f);
        string request = f.Stimulus;
        Assert.That(f.RemoveWorker(2), Is.Empty);
        Assert.That(Answer(f, 1, Slow[2], stolen: true, request), Is.EqualTo(new SchedulerInstruction[] { f.Compute(1, Slow[2], (In, [1], 8)) }),
            "w1 dropped it and the thief is gone: back to w1, never lost");
        Assert.That(f.State.StolenTasks, Is.EqualTo(1));
    }

    [Test]
    public void StealResponse_ThiefPausedMeanwhile_TaskPlacedAfresh()
    {
        var f = Skewed();
        Balance(f);
        string request = f.Stimulus;
        f.Handle(new WorkerPausedEvent(2, true, 900, 1000, f.NextStimulus("paused")));
        Assert.That(Answer(f, 1, Slow[2], stolen: true, request), Is.EqualTo(new SchedulerInstruction[] { f.Compute(1, Slow[2], (In, [1], 8)) }));
    }

    [Test]
    public void StealResponse_TaskReleasedMeanwhile_AnswerIgnored()
    {
        var f = Skewed();
        Balance(f);
        string request = f.Stimulus;
        Assert.That(f.Release(1, Slow[2]), Is.EqualTo(new SchedulerInstruction[] { f.Cancel(1, Slow[2]) }));
        Assert.That(Answer(f, 1, Slow[2], stolen: true, request), Is.Empty);
        Assert.That(f.State.Tasks.ContainsKey(Slow[2]), Is.False);
    }

    [Test]
    public void StealResponse_OfAnOlderRequest_AfterTheTaskWasResent_Ignored()
    {
        var f = Skewed();
        Balance(f);
        string old = f.Stimulus;
        // in vanishes from w1: its readers are taken back, in is recomputed there, and they are sent to w1 again.
        f.Handle(new FetchFailedEvent(1, Slow[2], In, new[] { SchedulerStateFixture.Address(1) }, f.NextStimulus("fetch-failed")));
        Assert.That(SchedulerStateFixture.Computes(f.Finish(1, In)), Is.EqualTo(Slow.Select(k => (1, k))));
        Assert.That(Answer(f, 1, Slow[2], stolen: true, old), Is.Empty, "the answer to a steal that ended when the task left w1");
        Assert.That((f.State.Tasks[Slow[2]].ProcessingOn!.Id, f.State.StolenTasks), Is.EqualTo((1, 0L)));
    }

    [Test]
    public void Balance_PausedVictim_EvenItsOnlyTaskMayMove()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.AddWorker(2);
        f.Submit(1, [(In, Array.Empty<TaskKey>()), (Slow[0], new[] { In })], Slow[0]);
        f.Finish(1, In);
        f.Handle(new WorkerPausedEvent(1, true, 900, 1000, f.NextStimulus("paused")));
        Assert.That(Balance(f), Is.EqualTo(new SchedulerInstruction[] { Request(f, 1, Slow[0], 2) }), "a paused worker starts nothing new: its queue waits for ever");
    }

    [Test]
    public void Balance_ShortTasks_ThiefTakesEnoughToStayBusyUntilTheNextPass()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.AddWorker(2);
        var keys = Enumerable.Range(0, 6).Select(i => (TaskKey)("short", i)).ToArray();
        f.Submit(1, [(In, Array.Empty<TaskKey>()), .. keys.Select(k => (k, new[] { In }))], keys);
        f.Finish(1, In);
        // One run of 30 ms: five tasks of 30 ms queued on w1's one thread, 150 ms of work.
        f.Handle(new TaskFinishedEvent(1, new TaskRun(keys[0], 8, 0, SchedulerStateFixture.T0, SchedulerStateFixture.T0.AddMilliseconds(30)), 0, 2, f.NextStimulus("task-finished")));
        Assert.That(Balance(f), Is.EqualTo(new SchedulerInstruction[] { Request(f, 1, keys[5], 2), Request(f, 1, keys[4], 2) }),
            "two: 60 ms of work covers most of a 100 ms pass, and a third would finish no sooner on w2");
    }

    [Test]
    public void Balance_InputsCostMoreToMoveThanTheWait_NothingAsked()
    {
        var f = Skewed(inputBytes: 1_000_000_000); // 10 s at 100 MB/s against 1.5 s of queued work
        Assert.That(Balance(f), Is.Empty);
    }

    [Test]
    public void Balance_TasksKnownToBeTiny_NeverStolen()
    {
        var f = Skewed();
        f.Finish(1, Slow[0]); // 1 ms: below the 5 ms worth a round trip
        Assert.That(f.State.Prefixes["slow"].AverageDuration, Is.EqualTo(TimeSpan.FromMilliseconds(1)));
        Assert.That(Balance(f), Is.Empty);
    }

    [Test]
    public void Balance_WorkStealingOff_NothingAsked()
    {
        var f = Skewed(new SchedulerOptions { WorkStealing = false });
        Assert.That(Balance(f), Is.Empty);
    }

    [Test]
    public void TaskPrefix_AverageDuration_EachRunWeighsHalf_HeldResultsLeaveItAlone()
    {
        var prefix = new TaskPrefix("p");
        prefix.Ran(TimeSpan.FromMilliseconds(100), 8);
        prefix.Ran(TimeSpan.FromMilliseconds(300), 8);
        prefix.Ran(TimeSpan.Zero, 8, measured: false);
        Assert.That((prefix.AverageDuration, prefix.Finished), Is.EqualTo(((TimeSpan?)TimeSpan.FromMilliseconds(200), 3L)));
    }
}
