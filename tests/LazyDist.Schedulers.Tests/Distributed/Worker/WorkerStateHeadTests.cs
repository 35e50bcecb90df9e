using LazyDist.Distributed.Center;
using LazyDist.Distributed.States;
using LazyDist.Distributed.Worker;
using LazyDist.Graph;
using Microsoft.Extensions.Time.Testing;

namespace LazyDist.Schedulers.Tests.Distributed.Worker;

/// <summary>
/// Tasks that name their node's head by id: the worker keeps a head that came with a task for the
/// tasks after it, and a head it does not keep fails the task by name. Whole instruction lists, validate mode, fake time.
/// </summary>
public class WorkerStateHeadTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Head = [0x92, 0xa3, (byte)'i', (byte)'n', (byte)'c'];

    private WorkerState _state = null!;
    private int _events;

    private string Stimulus { get; set; } = "";

    [SetUp]
    public void NewState() => _state = new WorkerState(1, "self:1", validate: true, new FakeTimeProvider(T0));

    private IReadOnlyList<WorkerInstruction> Compute(TaskKey key, byte args, long headId, byte[]? head = null)
    {
        var e = new ComputeTaskEvent(key, new byte[] { 0x91, args }, 0, Array.Empty<DependencyLocation>(), 0, $"compute-{++_events}", headId, head ?? default(ValueList<byte>));
        Stimulus = e.StimulusId;
        var instructions = _state.Handle(e);
        _state.CheckInvariants();
        return instructions;
    }

    private IReadOnlyList<WorkerInstruction> Done(TaskKey key)
    {
        var e = new ExecuteDoneEvent(new TaskRun(key, 8, 0, T0, T0), $"task-finished-{++_events}");
        Stimulus = e.StimulusId;
        return _state.Handle(e);
    }

    private ExecuteInstruction Execute(TaskKey key, byte args) => new(key, new NodeBytes(Head, [0x91, args]), 0, Stimulus);

    [Test]
    public void Compute_HeadComesWithTheFirstTask_LaterTasksNameItById_AllRunWithIt()
    {
        Assert.That(Compute("a", 1, headId: 7, Head), Is.EqualTo(new WorkerInstruction[] { Execute("a", 1) }));
        Assert.That(Compute("b", 2, headId: 7), Is.Empty, "one thread: b waits");
        var done = Done("a");
        Assert.That(done, Is.EqualTo(new WorkerInstruction[]
        {
            new StoreInstruction("a", Stimulus),
            new ReportFinishedInstruction(new TaskRun("a", 8, 0, T0, T0), 0, 1, Stimulus),
            Execute("b", 2),
        }));
        Assert.That(((ExecuteInstruction)done[2]).Node.Head, Is.SameAs(Head), "the kept array itself, whose op the executor reads once");
    }

    [Test]
    public void Compute_WholeNode_RunsAsSent()
    {
        var e = new ComputeTaskEvent("w", new byte[] { 0x92, 0xa1, (byte)'x', 0x90 }, 0, Array.Empty<DependencyLocation>(), 0, "compute-w");
        Assert.That(_state.Handle(e), Is.EqualTo(new WorkerInstruction[] { new ExecuteInstruction("w", new byte[] { 0x92, 0xa1, (byte)'x', 0x90 }, 0, "compute-w") }));
    }

    [Test]
    public void Compute_HeadThisConnectionNeverCarried_TheTaskFailsNamingTheHead_NothingKept()
    {
        // A restarted worker, or a new connection, starts from an empty window: a center that named a head
        // from an older connection is a bug, and its task fails by name rather than waiting forever.
        var instructions = Compute("lost", 1, headId: 42);
        Assert.That(instructions, Is.EqualTo(new WorkerInstruction[]
        {
            new ReportErredInstruction(new TaskRun("lost", 0, -1, T0, T0), new ErrorInfo("System.InvalidOperationException",
                "task 'lost' names node head 42, which this worker's connection to the center never carried or no longer keeps (0 heads kept)", null), Stimulus),
        }));
        Assert.That(Compute("lost", 1, headId: 42, Head), Is.EqualTo(new WorkerInstruction[] { Execute("lost", 1) }), "sent again with its head, it runs");
    }

    [Test]
    public void Compute_SameHeadIdSentTwiceOnOneConnection_ThrowsAProtocolErrorNamingTheHead_NothingChanges()
    {
        // Only a broken center sends a head the window keeps: the host closes the connection on this
        // error, and the new connection starts both windows empty.
        Assert.That(Compute("a", 1, headId: 7, Head), Is.EqualTo(new WorkerInstruction[] { Execute("a", 1) }));
        var e = new ComputeTaskEvent("b", new byte[] { 0x91, 2 }, 0, Array.Empty<DependencyLocation>(), 0, "compute-twice", 7, Head);
        var error = Assert.Throws<LazyDist.Distributed.Wire.WireProtocolException>(() => _state.Handle(e))!;
        Assert.That(error.Message, Is.EqualTo("the center sent node head 7 a second time on one connection (with task 'b'): the two ends' head windows disagree"));
        Assert.That(_state.StatusOf("b"), Is.EqualTo(WorkerKeyStatus.Forgotten));
        _state.CheckInvariants();
        Assert.That(Compute("c", 3, headId: 7), Is.Empty, "the kept head still serves; c waits for the one thread");
    }
}
