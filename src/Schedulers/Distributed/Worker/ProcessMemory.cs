namespace LazyDist.Distributed.Worker;

/// <summary>
/// What this process uses of memory: its resident set (RSS), less the memory the GC keeps committed
/// but does not use (freed objects' space it will reuse, which the RSS still counts). So a value
/// dropped or spilled counts as gone once collected, even while the GC holds on to its pages.
/// </summary>
internal static class ProcessMemory
{
    /// <summary>The bytes in use now: min(RSS, the GC's live and not yet collected bytes + the RSS outside the GC's committed memory).</summary>
    public static long Measure()
    {
        long rss = Environment.WorkingSet;
        long managed = GC.GetTotalMemory(forceFullCollection: false);
        long outsideGc = Math.Max(0, rss - GC.GetGCMemoryInfo().TotalCommittedBytes);
        return Math.Min(rss, managed + outsideGc);
    }
}
