using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Center to worker: run a task; its inputs are held by the named peers.</summary>
/// <param name="Key">The task.</param>
/// <param name="Node">The serialized task node.</param>
/// <param name="Priority">Lower runs first.</param>
/// <param name="Dependencies">Where each input is.</param>
/// <param name="Session">The client session whose user code the task may call.</param>
/// <param name="StimulusId">The id of the event that caused this message, for the receiver's story.</param>
[MessagePackObject]
internal sealed record ComputeTaskMessage(
    [property: Key(0)] WireKey Key,
    [property: Key(1)] byte[] Node,
    [property: Key(2)] long Priority,
    [property: Key(3)] DependencyInfo[] Dependencies,
    [property: Key(4)] int Session,
    [property: Key(5)] string StimulusId = "") : WireMessage;
