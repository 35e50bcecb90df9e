namespace LazyDist.Distributed;

/// <summary>How a <see cref="LocalCluster"/> is made: its worker processes and what they are allowed.</summary>
public sealed record LocalClusterOptions
{
    /// <summary>Worker processes; at least one.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>Executor threads in each worker.</summary>
    public int ThreadsPerWorker { get; init; } = 1;

    /// <summary>TLS between every process of the cluster (the center, the workers, this client); null for plain TCP on loopback.</summary>
    public TlsOptions? Tls { get; init; }

    /// <summary>The most bytes a task's result may have (see <see cref="WorkerOptions.MaxResultBytes"/>); null for no bound but the wire's.</summary>
    public long? MaxResultBytes { get; init; }

    /// <summary>
    /// Each worker's memory limit in bytes (see <see cref="WorkerOptions.MemoryLimit"/>): above 60% of it held
    /// results spill to disk, above 80% the worker pauses, above 95% it logs that it should be restarted
    /// (a worker process that dies is replaced). Null: the machine's memory (or its cgroup's limit) divided among the
    /// workers, as dask; 0: no limit.
    /// </summary>
    public long? MemoryLimit { get; init; }

    /// <summary>How the cluster looks after its worker processes: <see cref="NannyOptions.Restarts"/> false leaves a dead one dead.</summary>
    public NannyOptions Nanny { get; init; } = new();

    /// <summary>Work stealing between the cluster's workers (see <see cref="CenterOptions.WorkStealing"/>); on by default.</summary>
    public bool WorkStealing { get; init; } = true;

    /// <summary>How long tasks may wait while the cluster has no workers before they fail saying so (see <see cref="CenterOptions.NoWorkersTimeout"/>).</summary>
    public TimeSpan NoWorkersTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Serves a web dashboard for the cluster's center, as dask's LocalCluster does: pass
    /// <c>DashboardServer.Starter()</c> from the LazyDist.Dashboard package; null (the default) for none.
    /// The address is <see cref="LocalCluster.DashboardAddress"/>.
    /// </summary>
    public DashboardStarter? Dashboard { get; init; }
}
