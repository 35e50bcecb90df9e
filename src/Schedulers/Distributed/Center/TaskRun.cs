using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>One run of a task on a worker: what a task stream draws and what per-prefix durations add up. A value: the center keeps the last 20,000 in a ring, and an object for each outlived the young generation.</summary>
/// <param name="Key">The task that ran.</param>
/// <param name="NBytes">Its result's size in bytes (0 when it failed).</param>
/// <param name="Thread">The executor thread it ran on, from 0.</param>
/// <param name="Started">When it started, by the worker's clock.</param>
/// <param name="Stopped">When it stopped, by the worker's clock.</param>
internal readonly record struct TaskRun(TaskKey Key, long NBytes, int Thread, DateTimeOffset Started, DateTimeOffset Stopped)
{
    /// <summary>How long it ran.</summary>
    public TimeSpan Duration => Stopped - Started;
}
