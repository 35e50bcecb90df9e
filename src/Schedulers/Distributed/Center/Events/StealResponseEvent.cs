using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>A worker asked to give up a task answered: it dropped it (it was only queued there) or keeps it (running, done, or not there).</summary>
/// <param name="WorkerId">The worker asked (the victim).</param>
/// <param name="Key">The task the center asked back.</param>
/// <param name="Stolen">True when the worker dropped the task and will not run it.</param>
/// <param name="StimulusId">The stimulus id of the balance pass that asked: an answer to an older request does not match.</param>
internal sealed record StealResponseEvent(int WorkerId, TaskKey Key, bool Stolen, string StimulusId) : SchedulerEvent(StimulusId);
