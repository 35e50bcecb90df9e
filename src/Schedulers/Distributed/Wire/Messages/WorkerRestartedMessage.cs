using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Worker to center, right after its hello: this process replaces an earlier one of the same name, which its nanny restarted.</summary>
/// <param name="Reason">Why, as the nanny saw it (<c>died (exit 137)</c>, <c>exceeded 95% of 4.00 GB (3.90 GB)</c>).</param>
[MessagePackObject]
internal sealed record WorkerRestartedMessage(
    [property: Key(0)] string Reason) : WireMessage;
