namespace LazyDist.Distributed;

/// <summary>Counters of a cluster, from its center.</summary>
/// <param name="TransferredBytes">Bytes workers fetched from each other since the center started.</param>
/// <param name="PeakKeys">The most keys held by all workers at once since the last reset.</param>
/// <param name="Workers">Workers connected.</param>
/// <param name="Threads">Their executor threads in all.</param>
/// <param name="PeakBytes">The most bytes of results held by all workers at once since the last reset.</param>
/// <param name="HeldBytes">Bytes of results held by all workers now: what futures, remote data and
/// running computations keep on the cluster (fetched copies not counted).</param>
/// <param name="HeldKeys">Results held by all workers now (a key held by two workers counts twice).</param>
/// <param name="SpilledBytes">Bytes the connected workers wrote to their local disks to stay under their memory limits, in all (as of their last heartbeats).</param>
public sealed record ClusterStatistics(long TransferredBytes, int PeakKeys, int Workers, int Threads, long PeakBytes, long HeldBytes = 0, int HeldKeys = 0, long SpilledBytes = 0);
