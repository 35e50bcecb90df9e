using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Client;

/// <summary>A worker answered a fetch (the host keeps the values until the machine says to deliver them).</summary>
/// <param name="Holder">The worker's data address.</param>
/// <param name="Found">The keys it sent.</param>
/// <param name="Missing">The keys it did not have, or all of them when it could not be reached.</param>
/// <param name="StimulusId">Traces the event's effects.</param>
internal sealed record GatheredEvent(string Holder, ValueList<TaskKey> Found, ValueList<TaskKey> Missing, string StimulusId) : ClientEvent(StimulusId)
{
    /// <summary>The keys whose bytes arrived but do not decode: asking again would give the same bytes, so they fail.</summary>
    public ValueList<UnreadableValue> Unreadable { get; init; } = [];
}

/// <summary>A fetched value that could not be decoded, and why.</summary>
internal sealed record UnreadableValue(TaskKey Key, string Reason);
