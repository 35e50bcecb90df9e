using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>A client submitted tasks and the keys it wants kept for it.</summary>
/// <param name="ClientId">The submitting client.</param>
/// <param name="Tasks">The tasks new to the graph or already known (known ones are not replaced).</param>
/// <param name="Wanted">Keys the client holds until it releases them; each must be known or among <paramref name="Tasks"/>.</param>
/// <param name="StimulusId">Traces the event's effects.</param>
/// <param name="More">More parts of this submission follow (a big graph arrives in parts, inputs first; the wanted keys come with the last).</param>
internal sealed record GraphSubmittedEvent(int ClientId, ValueList<TaskSpec> Tasks, ValueList<TaskKey> Wanted, string StimulusId, bool More = false) : SchedulerEvent(StimulusId);
