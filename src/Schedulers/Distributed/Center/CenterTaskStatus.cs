namespace LazyDist.Distributed.Center;

/// <summary>Where a task is in the center's view; every known task is in exactly one. Moves follow <see cref="SchedulerState"/>'s transition table.</summary>
internal enum CenterTaskStatus : byte
{
    /// <summary>Known but not needed now, or dropped after use; can be recomputed from lineage.</summary>
    Released,

    /// <summary>Needed; some inputs are not in memory yet.</summary>
    Waiting,

    /// <summary>A ready root task (no inputs) waiting for a worker with a free thread.</summary>
    Queued,

    /// <summary>A ready task with inputs and no worker connected to run it.</summary>
    NoWorker,

    /// <summary>Sent to a worker.</summary>
    Processing,

    /// <summary>Held by at least one worker.</summary>
    Memory,

    /// <summary>Failed, or an input failed.</summary>
    Erred,

    /// <summary>Dropped from the center's records (the last move of a task's story).</summary>
    Forgotten,
}
