namespace LazyDist.Distributed.Wire;

/// <summary>The largest frames a connection accepts; a bigger one closes it.</summary>
/// <param name="MaxHeaderBytes">The largest MessagePack header.</param>
/// <param name="MaxPayloadBytes">The largest single payload frame.</param>
/// <param name="MaxPayloads">The most payload frames in one message.</param>
internal sealed record FrameLimits(int MaxHeaderBytes, long MaxPayloadBytes, int MaxPayloads)
{
    /// <summary>256 MiB of header (a graph of millions of tasks), 2 GiB per payload, 1M payloads.</summary>
    public static FrameLimits Default { get; } = new(256 << 20, int.MaxValue, 1 << 20);
}
