using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>One task of a submitted graph: what the center needs to schedule it, and its node as opaque bytes.</summary>
/// <param name="Key">The task's key.</param>
/// <param name="Dependencies">The keys it reads.</param>
/// <param name="Node">The serialized node, forwarded to a worker as it is; with <paramref name="Head"/>, the bytes after that head.</param>
/// <param name="Priority">Its static priority in the submitted graph (lower runs first).</param>
/// <param name="Retries">How many times it is run again when its own code throws.</param>
/// <param name="Head">The index in <see cref="SubmitGraphMessage.Heads"/> of the node's first bytes, shared with other tasks of the part; -1 when <paramref name="Node"/> is whole.</param>
[MessagePackObject]
internal sealed record SubmittedTask([property: Key(0)] WireKey Key, [property: Key(1)] WireKey[] Dependencies, [property: Key(2)] byte[] Node, [property: Key(3)] long Priority,
    [property: Key(4)] int Retries = 0, [property: Key(5)] int Head = -1);
