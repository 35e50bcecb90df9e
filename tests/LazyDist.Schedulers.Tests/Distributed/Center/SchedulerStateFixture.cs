using LazyDist.Distributed.Center;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Center;

/// <summary>Drives a <see cref="SchedulerState"/> with events and checks every invariant after each one.</summary>
internal sealed class SchedulerStateFixture(SchedulerOptions? options = null)
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public SchedulerState State { get; } = new((options ?? new SchedulerOptions()) with { Validate = true });

    public IReadOnlyList<SchedulerInstruction> Handle(SchedulerEvent stimulus)
    {
        var instructions = State.Handle(stimulus);
        State.CheckInvariants();
        return instructions;
    }

    public IReadOnlyList<SchedulerInstruction> AddWorker(int id, int threads = 1) =>
        Handle(new WorkerJoinedEvent(id, $"w{id}", $"w{id}:1", threads, T0));

    public IReadOnlyList<SchedulerInstruction> Submit(int client, IEnumerable<(TaskKey Key, TaskKey[] Deps)> tasks, params TaskKey[] wanted) =>
        Handle(new GraphSubmittedEvent(client, [.. tasks.Select((t, i) => new TaskSpec(t.Key, t.Deps, [1], i))], wanted));

    public IReadOnlyList<SchedulerInstruction> Finish(int worker, TaskKey key, long nbytes = 8) =>
        Handle(new TaskFinishedEvent(worker, key, nbytes, 0, 1));

    public static List<(int Worker, TaskKey Key)> Computes(IEnumerable<SchedulerInstruction> instructions) =>
        [.. instructions.OfType<ComputeTaskInstruction>().Select(i => (i.WorkerId, i.Key))];

    public static List<(int Worker, TaskKey Key)> Deletes(IEnumerable<SchedulerInstruction> instructions) =>
        [.. instructions.OfType<DeleteKeysInstruction>().SelectMany(i => i.Keys.Select(k => (i.WorkerId, k)))];
}
