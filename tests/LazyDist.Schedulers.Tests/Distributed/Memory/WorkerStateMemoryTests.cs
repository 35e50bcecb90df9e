using LazyDist.Distributed.Center;
using LazyDist.Distributed.States;
using LazyDist.Distributed.Worker;
using LazyDist.Graph;
using Microsoft.Extensions.Time.Testing;
using static LazyDist.Distributed.Worker.WorkerKeyStatus;

namespace LazyDist.Schedulers.Tests.Distributed.Memory;

/// <summary>
/// The worker's memory policy (limit 1,000 bytes: spill above 600, pause above 800, terminate above
/// 950), by memory samples in and whole instruction lists out, in validate mode on fake time.
/// </summary>
public class WorkerStateMemoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ValueList<byte> Node = new byte[] { 1 };
    private static readonly MemoryPolicy Policy = new(1000);

    private WorkerState _state = null!;
    private int _events;
    private string _stimulus = "";

    [SetUp]
    public void NewState() => _state = new WorkerState(1, "self:1", validate: true, new FakeTimeProvider(T0), memory: Policy);

    private IReadOnlyList<WorkerInstruction> Handle(WorkerEvent e)
    {
        _stimulus = e.StimulusId;
        var instructions = _state.Handle(e);
        _state.CheckInvariants();
        return instructions;
    }

    private string Next(string kind) => $"{kind}-{++_events}";

    private IReadOnlyList<WorkerInstruction> Compute(TaskKey key, params TaskKey[] localInputs) =>
        Handle(new ComputeTaskEvent(key, Node, 0, localInputs.Select(d => new DependencyLocation(d, ["self:1"], 100)).ToArray(), 0, Next("compute")));

    private IReadOnlyList<WorkerInstruction> Done(TaskKey key, long nbytes = 100) =>
        Handle(new ExecuteDoneEvent(new TaskRun(key, nbytes, 0, T0, T0), Next("task-finished")));

    private IReadOnlyList<WorkerInstruction> Sample(long bytes) => Handle(new MemorySampledEvent(bytes, Next("memory")));

    /// <summary>Computes and finishes results of 100 bytes each, oldest first.</summary>
    private void Hold(params TaskKey[] keys)
    {
        foreach (var key in keys)
        {
            Compute(key);
            Done(key);
        }
    }

    private SpillInstruction Spill(params TaskKey[] keys) => new(keys, _stimulus);

    private ExecuteInstruction Execute(TaskKey key) => new(key, Node, 0, _stimulus);

    [Test]
    public void Sample_BelowSpillThreshold_NothingHappens()
    {
        Hold("a", "b");
        Assert.That(Sample(600), Is.Empty);
    }

    [Test]
    public void Sample_AboveSpillThreshold_SpillsLeastRecentlyUsedUntilTheExcessIsCovered()
    {
        Hold("a", "b", "c");
        Assert.That(Sample(750), Is.EqualTo(new WorkerInstruction[] { Spill("a", "b") }), "150 bytes over: two results of 100, the oldest first");
        Assert.That((_state.StatusOf("a"), _state.StatusOf("b"), _state.StatusOf("c")), Is.EqualTo((Spilled, Spilled, WorkerKeyStatus.Memory)));
        Assert.That((_state.HeldKeys, _state.SpilledKeys, _state.SpilledBytes), Is.EqualTo((3, 2, 200L)), "spilled values are still held");
        Assert.That(Sample(750), Is.EqualTo(new WorkerInstruction[] { Spill("c") }), "still over: the next one");
        Assert.That(Sample(750), Is.Empty, "nothing left in memory to spill, and not paused");
    }

    [Test]
    public void Unspilled_ReadBackValueIsMostRecentlyUsed_OthersSpillBeforeIt()
    {
        Hold("a", "b", "c");
        Sample(700);
        Assert.That(Handle(new KeysUnspilledEvent(new TaskKey[] { "a" }, Next("unspilled"))), Is.Empty);
        Assert.That(_state.StatusOf("a"), Is.EqualTo(WorkerKeyStatus.Memory));
        Assert.That(Sample(650), Is.EqualTo(new WorkerInstruction[] { Spill("b") }), "b was used longer ago than a, read back just now");
    }

    [Test]
    public void Spill_ValuesNoLocalTaskReadsGoBeforeInputsOfWaitingTasks()
    {
        Hold("input", "other");
        Compute("busy");                      // runs on the only thread
        Compute("reader", "input", "far");    // waits for far, reads input
        Assert.That(Sample(650), Is.EqualTo(new WorkerInstruction[] { Spill("other") }), "other is newer but nothing here reads it");
    }

    [Test]
    public void Compute_SpilledInput_RunsAtOnceWithoutAFetch()
    {
        Hold("a");
        Sample(700);
        Assert.That(Compute("b", "a"), Is.EqualTo(new WorkerInstruction[] { Execute("b") }), "a spilled value is held here; the store reads it back when b runs");
    }

    [Test]
    public void Compute_KeyThatIsSpilledHere_ReportedAsHeld()
    {
        Hold("a");
        Sample(700);
        Assert.That(Compute("a"), Is.EqualTo(new WorkerInstruction[] { new ReportFinishedInstruction(new TaskRun("a", 100, -1, T0, T0), 0, 1, _stimulus) }));
    }

    [Test]
    public void Delete_SpilledKey_DroppedAndItsFileWithIt()
    {
        Hold("a");
        Sample(700);
        Assert.That(Handle(new DeleteKeysEvent(new TaskKey[] { "a" }, Next("delete"))), Is.EqualTo(new WorkerInstruction[] { new DropInstruction(new TaskKey[] { "a" }, _stimulus) }));
        Assert.That((_state.HeldKeys, _state.SpilledKeys, _state.SpilledBytes), Is.EqualTo((0, 0, 0L)));
    }

    [Test]
    public void SpillFailed_ValueStaysInMemory_NotChosenAgain()
    {
        Hold("a", "b");
        Sample(650);
        Assert.That(Handle(new SpillFailedEvent("a", Next("spill-failed"))), Is.Empty);
        Assert.That(_state.StatusOf("a"), Is.EqualTo(WorkerKeyStatus.Memory));
        Assert.That(Sample(650), Is.EqualTo(new WorkerInstruction[] { Spill("b") }));
    }

    [Test]
    public void Sample_AbovePause_PausesOnce_RunsNoNewTask_ResumesBelow()
    {
        Hold("a");
        Assert.That(Sample(850), Is.EqualTo(new WorkerInstruction[] { new PauseInstruction(850, 800, 1000, _stimulus), Spill("a") }));
        Assert.That(_state.Paused, Is.True);
        Assert.That(Compute("x"), Is.Empty, "paused: x waits in the ready queue");
        Assert.That(Sample(850), Is.EqualTo(new WorkerInstruction[] { new NothingToSpillInstruction(850, 800, 100, _stimulus) }), "said once per pause");
        Assert.That(Sample(850), Is.Empty);
        Assert.That(Sample(500), Is.EqualTo(new WorkerInstruction[] { new ResumeInstruction(500, 800, _stimulus), Execute("x") }));
        Assert.That(_state.Paused, Is.False);
    }

    [Test]
    public void Sample_PausedWhileATaskRuns_ItsResultStillReported()
    {
        Compute("x");
        Sample(850);
        Compute("y");
        var done = Done("x");
        Assert.That(done, Is.EqualTo(new WorkerInstruction[] { new StoreInstruction("x", _stimulus), new ReportFinishedInstruction(new TaskRun("x", 100, 0, T0, T0), 0, 1, _stimulus) }),
            "the running task finishes and reports; y does not start");
    }

    [Test]
    public void Sample_AboveTerminate_AsksForARestartOncePerCrossing()
    {
        Assert.That(Sample(960), Is.EqualTo(new WorkerInstruction[]
        {
            new TerminateInstruction(960, 950, 1000, _stimulus),
            new PauseInstruction(960, 800, 1000, _stimulus),
            new NothingToSpillInstruction(960, 800, 0, _stimulus),
        }));
        Assert.That(Sample(970), Is.Empty);
        Assert.That(Sample(900), Is.Empty, "below terminate, still paused");
        Assert.That(Sample(960), Is.EqualTo(new WorkerInstruction[] { new TerminateInstruction(960, 950, 1000, _stimulus) }), "crossed again");
    }

    [Test]
    public void Sample_NoLimit_NothingEverHappens()
    {
        _state = new WorkerState(1, "self:1", validate: true, new FakeTimeProvider(T0));
        Hold("a");
        Assert.That(Sample(long.MaxValue), Is.Empty);
    }

    [Test]
    public void Story_SpillAndReadBack_AreMovesOfTheTable()
    {
        Hold("a");
        Sample(700);
        Handle(new KeysUnspilledEvent(new TaskKey[] { "a" }, Next("unspilled")));
        var moves = _state.Story("a").Select(m => (m.From, m.To)).ToArray();
        Assert.That(moves, Is.EqualTo(new[] { (Released, Ready), (Ready, Executing), (Executing, WorkerKeyStatus.Memory), (WorkerKeyStatus.Memory, Spilled), (Spilled, WorkerKeyStatus.Memory) }));
    }
}
