namespace LazyDist.Distributed.Worker;

/// <summary>
/// Where a key is on a worker (dask.distributed's worker task states, fewer of them). One key has
/// one record, whether it is a task the center sent, an input fetched from a peer, or both: a
/// value is stored here at most once. Moves follow <see cref="WorkerState"/>'s transition table.
/// </summary>
internal enum WorkerKeyStatus
{
    /// <summary>New: not yet anywhere (the first move of a key's story starts here).</summary>
    Released,

    /// <summary>An input being fetched from a peer that holds it.</summary>
    Flight,

    /// <summary>A task whose inputs are not all here yet.</summary>
    Waiting,

    /// <summary>A task whose inputs are all here, waiting for a free executor thread.</summary>
    Ready,

    /// <summary>A task running on an executor thread.</summary>
    Executing,

    /// <summary>A value stored here: a result this worker made or an input it fetched.</summary>
    Memory,

    /// <summary>A held value written to the worker's local directory to free memory; read back on demand (it counts as held).</summary>
    Spilled,

    /// <summary>No longer here (the last move of a key's story).</summary>
    Forgotten,
}
