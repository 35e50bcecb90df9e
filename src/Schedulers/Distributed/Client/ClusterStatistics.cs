namespace LazyDist.Distributed;

/// <summary>Counters of a cluster, from its center.</summary>
/// <param name="TransferredBytes">Bytes workers fetched from each other since the center started.</param>
/// <param name="PeakKeys">The most keys held by all workers at once since the last reset.</param>
/// <param name="Workers">Workers connected.</param>
/// <param name="Threads">Their executor threads in all.</param>
/// <param name="PeakBytes">The most bytes of results held by all workers at once since the last reset.</param>
public sealed record ClusterStatistics(long TransferredBytes, int PeakKeys, int Workers, int Threads, long PeakBytes);
