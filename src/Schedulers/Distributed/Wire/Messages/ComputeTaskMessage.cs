using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Center to worker: run a task; its inputs are held by the named peers.</summary>
/// <param name="Key">The task to run.</param>
/// <param name="Node">The serialized task node, or only its arguments when <paramref name="HeadId"/> names its head.</param>
/// <param name="Priority">Lower runs first.</param>
/// <param name="Dependencies">Where each input is.</param>
/// <param name="Session">The client session whose user code the task may call.</param>
/// <param name="StimulusId">The id of the event that caused this message, for the receiver's story.</param>
/// <param name="HeadId">The node's head (its op) in this connection's head window; 0 when <paramref name="Node"/> is whole.</param>
/// <param name="Head">The head's bytes, sent the first time the connection carries it; the worker keeps them under <paramref name="HeadId"/>.</param>
[MessagePackObject]
internal sealed record ComputeTaskMessage(
    [property: Key(0)] WireKey Key,
    [property: Key(1)] byte[] Node,
    [property: Key(2)] long Priority,
    [property: Key(3)] DependencyInfo[] Dependencies,
    [property: Key(4)] int Session,
    [property: Key(5)] string StimulusId = "",
    [property: Key(6)] long HeadId = 0,
    [property: Key(7)] byte[]? Head = null) : WireMessage;
