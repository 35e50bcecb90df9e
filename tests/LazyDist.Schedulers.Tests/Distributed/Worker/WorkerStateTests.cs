using LazyDist.Distributed.Center;
using LazyDist.Distributed.States;
using LazyDist.Distributed.Worker;
using LazyDist.Graph;
using Microsoft.Extensions.Time.Testing;
using FetchFailedEvent = LazyDist.Distributed.Worker.FetchFailedEvent;

namespace LazyDist.Schedulers.Tests.Distributed.Worker;

/// <summary>The worker's policies, by events in and whole instruction lists out, in validate mode on fake time.</summary>
public class WorkerStateTests
{
    private const string Self = "self:1";
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ValueList<byte> Node = new byte[] { 1 };
    private static readonly ErrorInfo Boom = new("System.InvalidOperationException", "boom", "at Here()");

    private WorkerState _state = null!;
    private int _events;

    private string Stimulus { get; set; } = "";

    private WorkerState NewState(int threads)
    {
        _state = new WorkerState(threads, Self, validate: true, new FakeTimeProvider(T0));
        return _state;
    }

    private IReadOnlyList<WorkerInstruction> Handle(WorkerEvent e)
    {
        Stimulus = e.StimulusId;
        var instructions = _state.Handle(e);
        _state.CheckInvariants();
        return instructions;
    }

    private string Next(string kind) => $"{kind}-{++_events}";

    private IReadOnlyList<WorkerInstruction> Compute(TaskKey key, long priority = 0, params (TaskKey Key, string[] Holders)[] deps) =>
        Handle(new ComputeTaskEvent(key, Node, priority, deps.Select(d => new DependencyLocation(d.Key, d.Holders, 80)).ToArray(), 0, Next("compute")));

    private IReadOnlyList<WorkerInstruction> Done(TaskKey key, long nbytes = 8) => Handle(new ExecuteDoneEvent(Run(key, nbytes), Next("task-finished")));

    private IReadOnlyList<WorkerInstruction> Fetched(TaskKey key, long nbytes = 80) => Handle(new FetchDoneEvent(key, nbytes, Next("fetch-done")));

    private IReadOnlyList<WorkerInstruction> NotFetched(TaskKey key, string holder) => Handle(new FetchFailedEvent(key, holder, Next("fetch-failed")));

    private static TaskRun Run(TaskKey key, long nbytes) => new(key, nbytes, 0, T0, T0.AddMilliseconds(2));

    private ExecuteInstruction Execute(TaskKey key) => new(key, Node, 0, Stimulus);

    private FetchInstruction Fetch(string holder, params TaskKey[] keys) => new(holder, keys, Stimulus);

    private StoreInstruction Store(TaskKey key) => new(key, Stimulus);

    private DropInstruction Drop(params TaskKey[] keys) => new(keys, Stimulus);

    private ReportFinishedInstruction Finished(TaskKey key, long nbytes, long fetched, int held) => new(Run(key, nbytes), fetched, held, Stimulus);

    private ReportFinishedInstruction AlreadyHeld(TaskKey key, long nbytes, long fetched, int held) => new(new TaskRun(key, nbytes, -1, T0, T0), fetched, held, Stimulus);

    private ReportFetchFailedInstruction GaveBack(TaskKey task, TaskKey dep, params string[] holders) => new(task, dep, holders, Stimulus);

    [Test]
    public void Compute_NoInputs_ExecutesAtOnce()
    {
        NewState(threads: 1);
        Assert.That(Compute("x"), Is.EqualTo(new WorkerInstruction[] { Execute("x") }));
    }

    [Test]
    public void Compute_InputOnAPeer_FetchedOnceForTwoTasks()
    {
        NewState(threads: 2);
        Assert.That(Compute("a", 0, ("in", ["peer:1"])), Is.EqualTo(new WorkerInstruction[] { Fetch("peer:1", "in") }));
        Assert.That(Compute("b", 1, ("in", ["peer:1"])), Is.Empty, "one fetch per key; nothing runs before its input is here");
        Assert.That(Fetched("in"), Is.EqualTo(new WorkerInstruction[] { Store("in"), Execute("a"), Execute("b") }));
    }

    [Test]
    public void Compute_InputsOnOnePeer_FetchedInOneRequest()
    {
        NewState(threads: 1);
        Assert.That(Compute("a", 0, ("p", ["peer:1"]), ("q", ["peer:1"]), ("r", ["other:1"])),
            Is.EqualTo(new WorkerInstruction[] { Fetch("peer:1", "p", "q"), Fetch("other:1", "r") }));
    }

    [Test]
    public void Execute_AtMostThreads_InPriorityOrder()
    {
        NewState(threads: 1);
        Assert.That(Compute("late", 5), Is.EqualTo(new WorkerInstruction[] { Execute("late") }));
        Assert.That(Compute("early", 1), Is.Empty);
        Assert.That(Compute("middle", 3), Is.Empty);
        Assert.That(Done("late"), Is.EqualTo(new WorkerInstruction[] { Store("late"), Finished("late", 8, 0, 1), Execute("early") }));
        Assert.That(Done("early"), Is.EqualTo(new WorkerInstruction[] { Store("early"), Finished("early", 8, 0, 2), Execute("middle") }));
    }

    [Test]
    public void FetchedCopy_DroppedWhenItsLastLocalUserFinishes_ResultsStay()
    {
        NewState(threads: 2);
        Compute("a", 0, ("in", ["peer:1"]));
        Compute("b", 1, ("in", ["peer:1"]));
        Fetched("in");
        Assert.That(Done("a"), Is.EqualTo(new WorkerInstruction[] { Store("a"), Finished("a", 8, 80, 2) }), "the fetched bytes go with the next report");
        Assert.That(Done("b"), Is.EqualTo(new WorkerInstruction[] { Store("b"), Finished("b", 8, 0, 2), Drop("in") }));
        Assert.That(_state.HeldKeys, Is.EqualTo(2), "a and b stay until the center deletes them");
    }

    [Test]
    public void FetchFailed_TriesTheNextHolder_ThenGivesTheTaskBack()
    {
        NewState(threads: 1);
        Compute("a", 0, ("in", ["p1:1", "p2:1"]));
        Assert.That(NotFetched("in", "p1:1"), Is.EqualTo(new WorkerInstruction[] { Fetch("p2:1", "in") }));
        Assert.That(NotFetched("in", "p2:1"), Is.EqualTo(new WorkerInstruction[] { GaveBack("a", "in", "p1:1", "p2:1") }));
        Assert.That((_state.StatusOf("a"), _state.StatusOf("in")), Is.EqualTo((WorkerKeyStatus.Forgotten, WorkerKeyStatus.Forgotten)));
    }

    [Test]
    public void ExecuteFailed_Reported_CopiesItReadDropped()
    {
        NewState(threads: 1);
        Compute("a", 0, ("in", ["peer:1"]));
        Fetched("in");
        var failed = Handle(new ExecuteFailedEvent(Run("a", 0), Boom, Next("task-erred")));
        Assert.That(failed, Is.EqualTo(new WorkerInstruction[] { new ReportErredInstruction(Run("a", 0), Boom, Stimulus), Drop("in") }));
    }

    [Test]
    public void Delete_ResultDropped()
    {
        NewState(threads: 1);
        Compute("x");
        Done("x");
        Assert.That(Handle(new DeleteKeysEvent(new TaskKey[] { "x", "unknown" }, Next("delete"))), Is.EqualTo(new WorkerInstruction[] { Drop("x") }));
    }

    [Test]
    public void Delete_WhileALocalTaskReadsIt_KeptUntilThatTaskHasRun()
    {
        NewState(threads: 1);
        Compute("x");
        Done("x");
        Assert.That(Compute("y", 0, ("x", [Self])), Is.EqualTo(new WorkerInstruction[] { Execute("y") }), "x is here: no fetch");
        Assert.That(Handle(new DeleteKeysEvent(new TaskKey[] { "x" }, Next("delete"))), Is.Empty);
        Assert.That(Done("y"), Is.EqualTo(new WorkerInstruction[] { Store("y"), Finished("y", 8, 0, 1), Drop("x") }));
    }

    [Test]
    public void Cancel_NotStarted_NeverRuns()
    {
        NewState(threads: 1);
        Compute("a");
        Compute("b");
        Assert.That(Handle(new CancelTaskEvent("b", Next("cancel"))), Is.Empty);
        Assert.That(Done("a"), Is.EqualTo(new WorkerInstruction[] { Store("a"), Finished("a", 8, 0, 1) }));
    }

    private IReadOnlyList<WorkerInstruction> StealRequest(TaskKey key) => Handle(new StealRequestEvent(key, Next("balance")));

    private StealResponseInstruction Stolen(TaskKey key, bool stolen) => new(key, stolen, Stimulus);

    [Test]
    public void StealRequest_QueuedTask_DroppedAndSaidSo_NeverRuns()
    {
        NewState(threads: 1);
        Compute("a");
        Compute("b");
        Assert.That(StealRequest("b"), Is.EqualTo(new WorkerInstruction[] { Stolen("b", true) }));
        Assert.That(_state.StatusOf("b"), Is.EqualTo(WorkerKeyStatus.Forgotten));
        Assert.That(Done("a"), Is.EqualTo(new WorkerInstruction[] { Store("a"), Finished("a", 8, 0, 1) }), "b does not start");
    }

    [Test]
    public void StealRequest_RunningOrDoneOrUnknown_Kept()
    {
        NewState(threads: 1);
        Compute("a");
        Assert.That(StealRequest("a"), Is.EqualTo(new WorkerInstruction[] { Stolen("a", false) }), "running");
        Assert.That(_state.StatusOf("a"), Is.EqualTo(WorkerKeyStatus.Executing));
        Done("a");
        Assert.That(StealRequest("a"), Is.EqualTo(new WorkerInstruction[] { Stolen("a", false) }), "done");
        Assert.That(StealRequest("nope"), Is.EqualTo(new WorkerInstruction[] { Stolen("nope", false) }), "never here");
    }

    [Test]
    public void StealRequest_TaskWaitingForAFetch_Dropped_ArrivingInputLetGo()
    {
        NewState(threads: 1);
        Compute("a", 0, ("in", ["peer:1"]));
        Assert.That(StealRequest("a"), Is.EqualTo(new WorkerInstruction[] { Stolen("a", true) }));
        Assert.That(Fetched("in"), Is.Empty, "nobody here reads it any more");
        Assert.That((_state.StatusOf("in"), _state.HeldKeys), Is.EqualTo((WorkerKeyStatus.Forgotten, 0)));
    }

    [Test]
    public void Compute_OfAKeyHeldAsAFetchedCopy_ReportsIt_NeverDropsIt()
    {
        // The race of issue 12: a copy fetched for a local task, then the center (whose holder of the
        // key died) asks this worker to compute that key. One record per key: the copy becomes the
        // result, and is not dropped when the local task is done.
        NewState(threads: 1);
        Compute("t1", 0, ("d", ["peer:1"]));
        Assert.That(Fetched("d"), Is.EqualTo(new WorkerInstruction[] { Store("d"), Execute("t1") }));
        Assert.That(Compute("d"), Is.EqualTo(new WorkerInstruction[] { AlreadyHeld("d", 80, 80, 1) }));
        Assert.That(Done("t1"), Is.EqualTo(new WorkerInstruction[] { Store("t1"), Finished("t1", 8, 0, 2) }), "d stays: the center counts on it");
        Assert.That(Compute("t2", 1, ("d", [Self])), Is.EqualTo(new WorkerInstruction[] { Execute("t2") }));
        Assert.That(_state.Holds("d"));
    }

    [Test]
    public void Compute_OfAKeyInFlight_ReportedWhenItArrives()
    {
        NewState(threads: 1);
        Compute("t1", 0, ("d", ["peer:1"]));
        Assert.That(Compute("d"), Is.Empty);
        Assert.That(Fetched("d"), Is.EqualTo(new WorkerInstruction[] { Store("d"), AlreadyHeld("d", 80, 80, 1), Execute("t1") }));
    }

    [Test]
    public void Compute_OfAKeyInFlight_NoPeerHasIt_ComputedHere()
    {
        NewState(threads: 1);
        Compute("t1", 0, ("d", ["peer:1"]));
        Compute("d");
        Assert.That(NotFetched("d", "peer:1"), Is.EqualTo(new WorkerInstruction[] { Execute("d") }));
        Assert.That(Done("d", 80), Is.EqualTo(new WorkerInstruction[] { Store("d"), Finished("d", 80, 0, 1), Execute("t1") }));
    }

    [Test]
    public void InputMissing_TaskGivenBack_NamingThisWorker_AndTheKeyLetGo()
    {
        NewState(threads: 1);
        Compute("x");
        Done("x");
        Compute("y", 0, ("x", [Self]));
        var missing = Handle(new InputMissingEvent("y", "x", Next("input-missing")));
        Assert.That(missing, Is.EqualTo(new WorkerInstruction[] { GaveBack("y", "x", Self), Drop("x") }));
        Assert.That(_state.HeldKeys, Is.Zero);
    }

    [Test]
    public void Compute_InputWithNoHolderAndNotHere_GivenBackAtOnce()
    {
        NewState(threads: 1);
        Assert.That(Compute("y", 0, ("gone", [])), Is.EqualTo(new WorkerInstruction[] { GaveBack("y", "gone") }));
    }

    [Test]
    public void Story_TellsEveryMoveOfAKey()
    {
        NewState(threads: 1);
        Compute("t1", 0, ("d", ["peer:1"]));
        string asked = Stimulus;
        Fetched("d");
        string arrived = Stimulus;
        Done("t1");
        Assert.That(_state.Story("d"), Is.EqualTo(new TransitionRecord<WorkerKeyStatus>[]
        {
            new("d", WorkerKeyStatus.Released, WorkerKeyStatus.Flight, asked, T0),
            new("d", WorkerKeyStatus.Flight, WorkerKeyStatus.Memory, arrived, T0),
            new("d", WorkerKeyStatus.Memory, WorkerKeyStatus.Forgotten, Stimulus, T0),
        }));
    }

    [Test]
    public void Handle_UnknownEvent_ThrowsNamingIt()
    {
        NewState(threads: 1);
        var ex = Assert.Throws<ArgumentException>(() => _state.Handle(new UnknownEvent("unknown-1")));
        Assert.That(ex!.Message, Does.Contain(nameof(UnknownEvent)));
    }

    private sealed record UnknownEvent(string StimulusId) : WorkerEvent(StimulusId);
}
