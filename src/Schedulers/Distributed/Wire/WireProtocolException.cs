namespace LazyDist.Distributed.Wire;

/// <summary>A peer broke the protocol (bad frame, unknown message, wrong token): its connection closes.</summary>
internal sealed class WireProtocolException : Exception
{
    public WireProtocolException()
    {
    }

    public WireProtocolException(string message) : base(message)
    {
    }

    public WireProtocolException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
