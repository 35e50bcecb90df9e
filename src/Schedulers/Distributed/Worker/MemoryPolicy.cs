namespace LazyDist.Distributed.Worker;

/// <summary>
/// A worker's memory limit and what happens as its process nears it (dask's
/// <c>distributed.worker.memory</c> thresholds): above <see cref="Spill"/> bytes held results move to
/// disk, above <see cref="Pause"/> no new task starts, above <see cref="Terminate"/> the worker asks its
/// nanny to restart it. A null threshold is off.
/// </summary>
/// <param name="Limit">The limit in bytes; positive.</param>
/// <param name="SpillFraction">Of the limit, where spilling starts (dask: 0.6).</param>
/// <param name="PauseFraction">Of the limit, where the worker pauses (dask: 0.8).</param>
/// <param name="TerminateFraction">Of the limit, where the nanny restarts the worker (dask: 0.95).</param>
internal sealed record MemoryPolicy(long Limit, double? SpillFraction = 0.6, double? PauseFraction = 0.8, double? TerminateFraction = 0.95)
{
    public long? Spill => Bytes(SpillFraction);

    public long? Pause => Bytes(PauseFraction);

    public long? Terminate => Bytes(TerminateFraction);

    /// <summary>The policy of <paramref name="options"/>, or null when its limit is 0 (none).</summary>
    /// <param name="options">The worker's options.</param>
    /// <param name="workersOnThisMachine">How many workers share the machine's memory when the limit is automatic.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative limit, or a fraction outside (0, 1].</exception>
    public static MemoryPolicy? Of(WorkerOptions options, int workersOnThisMachine = 1)
    {
        long limit = options.MemoryLimit ?? MachineMemory() / Math.Max(1, workersOnThisMachine);
        if (limit < 0)
            throw new ArgumentOutOfRangeException(nameof(options), limit, $"the memory limit must be positive or 0 (none), got {limit}");
        foreach (var (name, fraction) in new[] { ("spill", options.MemorySpillFraction), ("pause", options.MemoryPauseFraction), ("terminate", options.MemoryTerminateFraction) })
        {
            if (fraction is <= 0 or > 1 || fraction is double.NaN)
                throw new ArgumentOutOfRangeException(nameof(options), fraction, $"the memory {name} fraction must be in (0, 1] or off, got {fraction}");
        }
        return limit == 0 ? null : new MemoryPolicy(limit, options.MemorySpillFraction, options.MemoryPauseFraction, options.MemoryTerminateFraction);
    }

    /// <summary>The memory this process may use: the machine's, or its cgroup's limit when lower (as the GC sees it).</summary>
    public static long MachineMemory() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    private long? Bytes(double? fraction) => fraction is { } f ? (long)(Limit * f) : null;
}
