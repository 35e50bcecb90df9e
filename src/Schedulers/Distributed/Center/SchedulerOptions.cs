namespace LazyDist.Distributed.Center;

/// <summary>The center's policies.</summary>
internal sealed record SchedulerOptions
{
    /// <summary>A worker silent for longer than this is removed.</summary>
    public TimeSpan HeartbeatTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Tasks waiting this long with no worker connected fail, saying so.</summary>
    public TimeSpan NoWorkersTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many workers may die while running a task before it fails as a worker killer (3 deaths fail it).</summary>
    public int AllowedFailures { get; init; } = 2;

    /// <summary>
    /// Root tasks are admitted while a worker has fewer than <c>threads × Saturation</c> tasks (at least
    /// one). Above 1, a worker has its next task before it finishes the current one, which hides the
    /// round trip to the center; memory stays bounded by this many root results per thread, whatever
    /// the width of the graph (measured on the seed, processes:2: saturation 2 gave 1.31× the time
    /// of threads:2 and 84 µs per tiny task, saturation 4 gave 1.12× and 70 µs).
    /// </summary>
    public double Saturation { get; init; } = 4.0;

    /// <summary>For root tasks known to be short: the work queued ahead on each thread, so a thread is not idle while its results travel to the center and new tasks back.</summary>
    public TimeSpan LeadTime { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>For root tasks known to be short: the most bytes of their results a worker may hold waiting (above the <see cref="Saturation"/> bound).</summary>
    public long LeadBytes { get; init; } = 256 << 10;

    /// <summary>The most root tasks per thread a worker is ever sent ahead.</summary>
    public double MaxSaturation { get; init; } = 500;

    /// <summary>How many moves the transition log keeps (dask's <c>transition-log-length</c>).</summary>
    public int TransitionLogLength { get; init; } = 100_000;

    /// <summary>Check the invariants of every task an event touched after that event (tests).</summary>
    public bool Validate { get; init; }
}
