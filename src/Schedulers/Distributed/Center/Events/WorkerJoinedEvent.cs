using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>A worker connected and introduced itself.</summary>
/// <param name="WorkerId">The workerId.</param>
/// <param name="Name">The name.</param>
/// <param name="Address">The address.</param>
/// <param name="Threads">The threads.</param>
/// <param name="Now">The now.</param>
/// <param name="StimulusId">Traces the instructions this event causes back to it.</param>
internal sealed record WorkerJoinedEvent(int WorkerId, string Name, string Address, int Threads, DateTimeOffset Now, string StimulusId = "") : SchedulerEvent(StimulusId);
