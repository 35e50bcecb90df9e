namespace LazyDist.Distributed.Wire;

/// <summary>
/// The largest frames a connection accepts; a bigger one closes it before anything of it is
/// allocated. A connection starts with <see cref="Handshake"/>'s bounds and gets those of its kind
/// once the handshake is done (<see cref="Wire.Handshake"/> sets them on both ends).
/// </summary>
/// <param name="MaxHeaderBytes">The largest MessagePack header.</param>
/// <param name="MaxPayloadBytes">The largest single payload frame.</param>
/// <param name="MaxPayloads">The most payload frames in one message.</param>
internal sealed record FrameLimits(int MaxHeaderBytes, long MaxPayloadBytes, int MaxPayloads)
{
    private const int MiB = 1 << 20;

    /// <summary>The most bytes one value may have on the wire: what a frame can say, far beyond any machine's memory.</summary>
    public const long MaxValueBytes = 1L << 40;

    /// <summary>Before the handshake: one hello or answer of at most 64 KiB, no payloads.</summary>
    public static FrameLimits Handshake { get; } = new(64 << 10, 0, 0);

    /// <summary>What a center reads from a client: graphs of millions of tasks, user assemblies.</summary>
    public static FrameLimits FromClient { get; } = new(256 * MiB, 256 * MiB, 1);

    /// <summary>What a center reads from a worker: reports, requests for code; no payloads.</summary>
    public static FrameLimits FromWorker { get; } = new(16 * MiB, 0, 0);

    /// <summary>What a worker reads from its center: tasks with their literal arguments, user assemblies.</summary>
    public static FrameLimits FromCenterToWorker { get; } = new(256 * MiB, 256 * MiB, 1);

    /// <summary>What a client reads from its center: where keys are, errors, requests for code; no payloads.</summary>
    public static FrameLimits FromCenterToClient { get; } = new(64 * MiB, 0, 0);

    /// <summary>What a worker's data port reads: requests for keys; no payloads.</summary>
    public static FrameLimits DataRequests { get; } = new(16 * MiB, 0, 0);

    /// <summary>What the reader of a data port reads: values, one payload each.</summary>
    public static FrameLimits DataReplies { get; } = new(16 * MiB, MaxValueBytes, 1 << 20);

    /// <summary>The widest bounds of all kinds together (tests, and tools that speak every kind).</summary>
    public static FrameLimits Default { get; } = new(256 * MiB, MaxValueBytes, 1 << 20);

    /// <summary>The bounds of what the side that accepted a peer in <paramref name="role"/> reads from it.</summary>
    public static FrameLimits ReadFrom(PeerRole role) => role switch
    {
        PeerRole.Client => FromClient,
        PeerRole.Worker => FromWorker,
        PeerRole.DataReader => DataRequests,
        _ => Handshake,
    };

    /// <summary>The bounds of what a peer that introduced itself in <paramref name="role"/> reads from the side that accepted it.</summary>
    public static FrameLimits ReadAs(PeerRole role) => role switch
    {
        PeerRole.Client => FromCenterToClient,
        PeerRole.Worker => FromCenterToWorker,
        PeerRole.DataReader => DataReplies,
        _ => Handshake,
    };
}
