namespace LazyDist.Distributed.Center;

/// <summary>A worker connected and introduced itself.</summary>
/// <param name="WorkerId">The center's number for its connection.</param>
/// <param name="Name">Its name, for logs and errors.</param>
/// <param name="Address">Its data endpoint, where peers and clients fetch its values.</param>
/// <param name="Threads">Its executor threads; at least one.</param>
/// <param name="StimulusId">Traces the event's effects.</param>
internal sealed record WorkerJoinedEvent(int WorkerId, string Name, string Address, int Threads, string StimulusId) : SchedulerEvent(StimulusId);
