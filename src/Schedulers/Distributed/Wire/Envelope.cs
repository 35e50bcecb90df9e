namespace LazyDist.Distributed.Wire;

/// <summary>One message: its header and the raw payload frames that follow it.</summary>
/// <param name="Header">The message.</param>
/// <param name="Payloads">The payloads, in order (values of a <see cref="DataMessage"/>).</param>
internal sealed record Envelope(WireMessage Header, IReadOnlyList<Payload> Payloads)
{
    public Envelope(WireMessage header) : this(header, [])
    {
    }
}
