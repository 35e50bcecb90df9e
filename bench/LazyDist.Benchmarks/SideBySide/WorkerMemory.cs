using System.Runtime;
using LazyDist.Distributed;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// Puts the worker processes' memory in a known state between runs that allocate gigabytes, by
/// running a full blocking garbage collection in each of them (a shipped lambda, several tasks
/// until every worker has run one). Without it, whether a run reuses the previous run's freed
/// chunks or page-faults fresh memory depends on when the workers' collector last ran, and the
/// time of one flow varied 1 to 4 s with its position in the sequence.
/// </summary>
internal static class WorkerMemory
{
    /// <summary>What is done with the memory freed by the collection.</summary>
    public enum State
    {
        /// <summary>A blocking full collection: freed memory stays with the process, so the next run reuses it.</summary>
        Kept,

        /// <summary>An aggressive collection: freed memory goes back to the OS, so the next run page-faults all it allocates, as a fresh process would.</summary>
        Returned,
    }

    /// <returns>The bytes the workers' collectors have committed after it, all workers together.</returns>
    /// <exception cref="InvalidOperationException">Some worker ran none of the tasks after many tries.</exception>
    public static long Settle(LocalCluster cluster, State state)
    {
        int workers = cluster.WorkerProcessIds.Count;
        var committed = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int attempt = 0; attempt < 20 && committed.Count < workers; attempt++)
        {
            var done = state == State.Kept
                ? cluster.Client.Pool.Map(static (int _) => Collect(GCCollectionMode.Forced), Enumerable.Range(0, 4 * workers))
                : cluster.Client.Pool.Map(static (int _) => Collect(GCCollectionMode.Aggressive), Enumerable.Range(0, 4 * workers));
            foreach (var result in done)
            {
                long bytes = result.Get();
                foreach (var holder in result.Lease.Pending.Holders)
                    committed[holder] = bytes;
            }
            cluster.Client.Pool.Delete(done);
        }
        if (committed.Count < workers)
            throw new InvalidOperationException($"only {committed.Count} of {workers} workers ran a collection");
        return committed.Values.Sum();
    }

    /// <summary>Runs on a worker: a full blocking collection in the given mode; returns the bytes committed after.</summary>
    private static long Collect(GCCollectionMode mode)
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, mode, blocking: true, compacting: true);
        Thread.Sleep(20); // lets the other worker take the next task
        return GC.GetGCMemoryInfo().TotalCommittedBytes;
    }
}
