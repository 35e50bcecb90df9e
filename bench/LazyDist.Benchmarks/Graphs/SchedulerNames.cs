using LazyDist.Graph;
using LazyDist.Schedulers;

namespace LazyDist.Benchmarks.Graphs;

/// <summary>The schedulers the benchmarks compare, by the names the CLI uses: <c>sync</c> and <c>threads</c>.</summary>
public static class SchedulerNames
{
    /// <summary>A new scheduler called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is neither <c>sync</c> nor <c>threads</c>.</exception>
    public static IScheduler Create(string name) => name switch
    {
        "sync" => new SynchronousScheduler(),
        "threads" => new ThreadedScheduler(),
        _ => throw new ArgumentException($"unknown scheduler '{name}' (expected sync | threads)", nameof(name)),
    };
}
