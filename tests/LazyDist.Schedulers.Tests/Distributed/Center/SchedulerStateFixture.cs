using LazyDist.Distributed.Center;
using LazyDist.Distributed.States;
using LazyDist.Graph;
using Microsoft.Extensions.Time.Testing;

namespace LazyDist.Schedulers.Tests.Distributed.Center;

/// <summary>
/// Drives a <see cref="SchedulerState"/> with events on fake time and checks every invariant after
/// each one; builds the instructions a test expects, stamped with the last event's stimulus id.
/// </summary>
internal sealed class SchedulerStateFixture
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The node bytes every submitted task carries.</summary>
    public static readonly ValueList<byte> Node = new byte[] { 1 };

    private readonly Dictionary<TaskKey, (long Priority, int Client)> _submitted = [];
    private long _generation;
    private int _events;

    public SchedulerStateFixture(SchedulerOptions? options = null)
    {
        State = new SchedulerState((options ?? new SchedulerOptions()) with { Validate = true }, Time);
    }

    public FakeTimeProvider Time { get; } = new(T0);

    public SchedulerState State { get; }

    /// <summary>The stimulus id of the last event handled.</summary>
    public string Stimulus { get; private set; } = "";

    public string NextStimulus(string kind) => Stimulus = $"{kind}-{++_events}";

    public IReadOnlyList<SchedulerInstruction> Handle(SchedulerEvent stimulus)
    {
        Stimulus = stimulus.StimulusId;
        var instructions = State.Handle(stimulus);
        State.CheckInvariants();
        return instructions;
    }

    public IReadOnlyList<SchedulerInstruction> AddWorker(int id, int threads = 1) =>
        Handle(new WorkerJoinedEvent(id, $"w{id}", Address(id), threads, NextStimulus("worker-joined")));

    public IReadOnlyList<SchedulerInstruction> RemoveWorker(int id, string reason = "killed") =>
        Handle(new WorkerLeftEvent(id, reason, NextStimulus("worker-left")));

    public IReadOnlyList<SchedulerInstruction> Submit(int client, IEnumerable<(TaskKey Key, TaskKey[] Deps)> tasks, params TaskKey[] wanted)
    {
        long generation = ++_generation;
        var specs = tasks.Select((t, i) => new TaskSpec(t.Key, t.Deps, Node, i)).ToArray();
        foreach (var spec in specs)
            _submitted.TryAdd(spec.Key, ((generation << 40) + spec.Priority, client));
        return Handle(new GraphSubmittedEvent(client, specs, wanted, NextStimulus("graph-submitted")));
    }

    public IReadOnlyList<SchedulerInstruction> Release(int client, params TaskKey[] keys) =>
        Handle(new KeysReleasedEvent(client, keys, NextStimulus("keys-released")));

    public IReadOnlyList<SchedulerInstruction> Finish(int worker, TaskKey key, long nbytes = 8, int heldKeys = 1) =>
        Handle(new TaskFinishedEvent(worker, new TaskRun(key, nbytes, 0, T0, T0.AddMilliseconds(1)), 0, heldKeys, NextStimulus("task-finished")));

    public IReadOnlyList<SchedulerInstruction> Err(int worker, TaskKey key, ErrorInfo error) =>
        Handle(new TaskErredEvent(worker, new TaskRun(key, 0, 0, T0, T0.AddMilliseconds(1)), error, NextStimulus("task-erred")));

    public static string Address(int worker) => $"w{worker}:1";

    /// <summary>A compute instruction for a task submitted through <see cref="Submit"/>, from the last event.</summary>
    public ComputeTaskInstruction Compute(int worker, TaskKey key, params (TaskKey Key, int[] Holders, long NBytes)[] deps)
    {
        var (priority, client) = _submitted[key];
        return new ComputeTaskInstruction(worker, key, Node, priority,
            deps.Select(d => new DependencyLocation(d.Key, d.Holders.Select(Address).ToArray(), d.NBytes)).ToArray(), client, Stimulus);
    }

    public DeleteKeysInstruction Delete(int worker, params TaskKey[] keys) => new(worker, keys, Stimulus);

    public CancelTaskInstruction Cancel(int worker, TaskKey key) => new(worker, key, Stimulus);

    public KeyInMemoryInstruction InMemory(int client, TaskKey key, long nbytes, params int[] holders) =>
        new(client, key, holders.Select(Address).ToArray(), nbytes, Stimulus);

    public KeyErredInstruction Erred(int client, TaskKey key, TaskKey failedKey, ErrorInfo error) => new(client, key, failedKey, error, Stimulus);

    public static List<(int Worker, TaskKey Key)> Computes(IEnumerable<SchedulerInstruction> instructions) =>
        [.. instructions.OfType<ComputeTaskInstruction>().Select(i => (i.WorkerId, i.Key))];
}
