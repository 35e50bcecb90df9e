namespace LazyDist.Distributed.Center;

/// <summary>The center's policies.</summary>
internal sealed record SchedulerOptions
{
    /// <summary>A worker silent for longer than this is removed.</summary>
    public TimeSpan HeartbeatTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How many workers may die while running a task before it fails as a worker killer (3 deaths fail it).</summary>
    public int AllowedFailures { get; init; } = 2;

    /// <summary>Root tasks are admitted while a worker runs fewer than <c>threads × Saturation</c> tasks (at least one).</summary>
    public double Saturation { get; init; } = 2.0;

    /// <summary>Check every invariant after every event (tests).</summary>
    public bool Validate { get; init; }
}
