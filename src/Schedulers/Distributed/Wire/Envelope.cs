namespace LazyDist.Distributed.Wire;

/// <summary>One message: its header and the raw payload frames that follow it.</summary>
/// <param name="Header">The message itself (its MessagePack header).</param>
/// <param name="Payloads">The payloads, in order (values of a <see cref="DataMessage"/>).</param>
/// <param name="Written">Called once the payloads were written to the socket, or dropped because the connection closed.</param>
internal sealed record Envelope(WireMessage Header, IReadOnlyList<Payload> Payloads, Action? Written = null)
{
    public Envelope(WireMessage header) : this(header, [])
    {
    }
}
