using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// Several messages to one peer from one scheduling step, in one frame (dask's batched comms):
/// the receiver handles them in order, as if each had come alone. A batch never holds a batch.
/// </summary>
/// <param name="Messages">The messages, in the order they were sent.</param>
[MessagePackObject]
#pragma warning disable MsgPack003 // the items are unions, written by WireMessageFormatter through the wire's resolver
internal sealed record BatchMessage([property: Key(0)] WireMessage[] Messages) : WireMessage;
#pragma warning restore MsgPack003
