namespace LazyDist.Distributed.Center;

/// <summary>Where a task is in the center's view; every known task is in exactly one.</summary>
internal enum CenterTaskStatus
{
    /// <summary>Known but not needed now, or dropped after use; can be recomputed from lineage.</summary>
    Released,

    /// <summary>Needed; some inputs are not in memory yet.</summary>
    Waiting,

    /// <summary>Ready (inputs in memory) but not yet on a worker: a root task waiting for a free thread, or no worker yet.</summary>
    Queued,

    /// <summary>Sent to a worker.</summary>
    Processing,

    /// <summary>Held by at least one worker.</summary>
    Memory,

    /// <summary>Failed, or an input failed.</summary>
    Erred,
}
