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

    /// <summary>
    /// Work stealing (dask's <c>work-stealing</c>): every <see cref="StealInterval"/> queued tasks of
    /// saturated workers move to idle ones when moving their inputs costs less than the wait.
    /// </summary>
    public bool WorkStealing { get; init; } = true;

    /// <summary>How often the host runs a balance pass (dask's <c>work-stealing-interval</c>).</summary>
    public TimeSpan StealInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The bandwidth between workers assumed when costing a move, in bytes per second (dask's 100 MB/s).</summary>
    public double Bandwidth { get; init; } = 100e6;

    /// <summary>The fixed cost of moving a task (the steal request's round trip and the thief's fetch), as dask's 10 ms.</summary>
    public TimeSpan StealLatency { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The duration assumed for a task of a prefix none of whose tasks has finished yet (dask's <c>unknown-task-duration</c>).</summary>
    public TimeSpan UnknownTaskDuration { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Tasks expected to run shorter than this are never stolen: the round trip would cost more than they do (dask's 5 ms).</summary>
    public TimeSpan MinStealDuration { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>How many moves the transition log keeps (dask's <c>transition-log-length</c>).</summary>
    public int TransitionLogLength { get; init; } = 100_000;

    /// <summary>Check the invariants of every task an event touched after that event (tests).</summary>
    public bool Validate { get; init; }
}
