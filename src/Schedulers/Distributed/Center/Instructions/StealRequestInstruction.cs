using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>Ask a worker to give up a task it was sent: it drops the task if it has not started it, and answers either way.</summary>
/// <param name="WorkerId">The worker that has the task (the victim).</param>
/// <param name="Key">The task asked back.</param>
/// <param name="Thief">The worker the task goes to if the victim gives it up (for logs and tests).</param>
/// <param name="StimulusId">The balance pass that asked; the answer carries it back.</param>
internal sealed record StealRequestInstruction(int WorkerId, TaskKey Key, int Thief, string StimulusId) : SchedulerInstruction(StimulusId);
