using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>A worker holds a task's result.</summary>
/// <param name="WorkerId">The workerId.</param>
/// <param name="Key">The key.</param>
/// <param name="NBytes">The nBytes.</param>
/// <param name="FetchedBytes">The fetchedBytes.</param>
/// <param name="HeldKeys">The heldKeys.</param>
/// <param name="StimulusId">Traces the instructions this event causes back to it.</param>
internal sealed record TaskFinishedEvent(int WorkerId, TaskKey Key, long NBytes, long FetchedBytes, int HeldKeys, string StimulusId = "") : SchedulerEvent(StimulusId);
