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
    /// Serves a web dashboard for the cluster's center, as dask's LocalCluster does: pass
    /// <c>DashboardServer.Starter()</c> from the LazyDist.Dashboard package; null (the default) for none.
    /// The address is <see cref="LocalCluster.DashboardAddress"/>.
    /// </summary>
    public DashboardStarter? Dashboard { get; init; }
}
