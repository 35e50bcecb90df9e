namespace LazyDist.Distributed;

/// <summary>How a nanny looks after its worker process: <c>lazydist worker</c>'s, or a <see cref="LocalCluster"/>'s for each of its worker processes.</summary>
public sealed record NannyOptions
{
    /// <summary>Replace a worker process that dies or crosses its memory limit (true), or leave a dead one dead and end, as without a nanny (false).</summary>
    public bool Restarts { get; init; } = true;

    /// <summary>The share of <see cref="WorkerOptions.MemoryLimit"/> above which the worker process is killed and replaced (dask's <c>terminate</c>, 0.95).</summary>
    public double TerminateFraction { get; init; } = 0.95;

    /// <summary>How often the worker process's memory is measured.</summary>
    public TimeSpan MemoryInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a worker process asked to stop may take before it is killed.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A worker process that dies sooner than this after starting died quickly.</summary>
    public TimeSpan QuickDeath { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>After this many quick deaths in a row the nanny stops restarting and exits with 1 (a crash loop).</summary>
    public int MaxQuickDeaths { get; init; } = 5;
}
