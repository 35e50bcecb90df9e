namespace LazyDist.Distributed.Center;

/// <summary>A worker process's own measurements, as it last reported them.</summary>
/// <param name="ProcessBytes">The process's resident memory (working set).</param>
/// <param name="CpuPercent">CPU used since its previous report, in percent of one core.</param>
/// <param name="SentBytes">Payload bytes it served to peers and clients, in all.</param>
/// <param name="ReceivedBytes">Payload bytes it fetched from peers, in all.</param>
internal sealed record WorkerMetrics(long ProcessBytes, double CpuPercent, long SentBytes, long ReceivedBytes);
