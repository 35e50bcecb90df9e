namespace LazyDist.Distributed;

/// <summary>How a <see cref="WorkerHost"/> joins its center.</summary>
public sealed record WorkerOptions
{
    /// <summary>The center's address, <c>host:port</c>.</summary>
    public required string CenterAddress { get; init; }

    /// <summary>The cluster's token; empty for none.</summary>
    public string Token { get; init; } = "";

    /// <summary>Executor threads (default: one per core).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>The worker's name in logs and errors (default: <c>worker-PID</c>).</summary>
    public string Name { get; init; } = $"worker-{Environment.ProcessId}";

    /// <summary>The address the data port binds to and advertises; peers and clients must reach it.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TLS for the center, peers and the data port (a certificate and key are required, as the data port serves); null for plain TCP.</summary>
    public TlsOptions? Tls { get; init; }

    /// <summary>The most bytes a task's result may have on the wire; a larger one fails its task, by key and size. Null: no bound but the wire's.</summary>
    public long? MaxResultBytes { get; init; }

    /// <summary>How long a fetch from a peer may see no bytes arrive before that peer counts as stalled (stopped or hung): the fetch then tries another holder, or gives its task back to the center, which recomputes the input.</summary>
    public TimeSpan PeerStallTimeout { get; init; } = Wire.PeerPool.DefaultStallTimeout;

    /// <summary>Why this worker process replaces an earlier one of the same name (set by its nanny; the center logs it and counts the restart).</summary>
    internal string? RestartReason { get; init; }

    /// <summary>How often the worker tells the center it is alive.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the worker keeps trying to reach a lost (or not yet started) center before it exits.</summary>
    public TimeSpan CenterTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The worker's memory limit in bytes (dask's <c>memory_limit</c>): null for the machine's memory, or its
    /// cgroup's limit when lower, divided among the workers started together; 0 for no limit. Memory is the
    /// process's real use (the GC's figures and the RSS), sampled every <see cref="MemoryMonitorInterval"/>.
    /// </summary>
    public long? MemoryLimit { get; init; }

    /// <summary>Of <see cref="MemoryLimit"/>, above which held results move to disk, least recently used first (dask: 0.6); null: never.</summary>
    public double? MemorySpillFraction { get; init; } = 0.6;

    /// <summary>Of <see cref="MemoryLimit"/>, above which the worker runs no new tasks and tells the center (dask: 0.8); null: never.</summary>
    public double? MemoryPauseFraction { get; init; } = 0.8;

    /// <summary>Of <see cref="MemoryLimit"/>, above which the worker logs that its nanny should restart it (dask: 0.95); null: never.</summary>
    public double? MemoryTerminateFraction { get; init; } = 0.95;

    /// <summary>How often the worker measures its memory (dask: 100 ms).</summary>
    public TimeSpan MemoryMonitorInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Where the worker makes its local directory for spilled values (removed when it stops; left-overs of dead workers are removed by the next one); null for the system's temporary directory.</summary>
    public string? LocalDirectory { get; init; }

    /// <summary>Check the worker's invariants after every event, and its store against them (slow; for tests).</summary>
    public bool ValidateState { get; init; }
}
