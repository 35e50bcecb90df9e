using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Client;

/// <summary>A key's record changed: what handles (futures, proxies) show of it.</summary>
/// <param name="Key">The key whose record changed.</param>
/// <param name="Incarnation">The record's number.</param>
/// <param name="Status">Its status now (<see cref="ClientKeyStatus.Forgotten"/>: nothing here holds it).</param>
/// <param name="Holders">Its holders at the center's last report.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record KeyChangedInstruction(TaskKey Key, long Incarnation, ClientKeyStatus Status, ValueList<string> Holders, ClientError? Error, string StimulusId)
    : ClientInstruction(StimulusId);
