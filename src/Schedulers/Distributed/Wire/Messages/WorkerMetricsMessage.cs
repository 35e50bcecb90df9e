using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Worker to center, with each heartbeat: its process's own measurements, for the dashboard (never for decisions).</summary>
/// <param name="ProcessBytes">The process's resident memory.</param>
/// <param name="CpuPercent">CPU used since the previous report, in percent of one core.</param>
/// <param name="SentBytes">Payload bytes served to peers and clients, in all.</param>
/// <param name="ReceivedBytes">Payload bytes fetched from peers, in all.</param>
[MessagePackObject]
internal sealed record WorkerMetricsMessage(
    [property: Key(0)] long ProcessBytes,
    [property: Key(1)] double CpuPercent,
    [property: Key(2)] long SentBytes,
    [property: Key(3)] long ReceivedBytes) : WireMessage;
