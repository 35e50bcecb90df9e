using BenchmarkDotNet.Attributes;
using LazyDist.Benchmarks.Graphs;
using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Benchmarks.Suites;

/// <summary>
/// Per-task overhead on a <see cref="LocalCluster"/> of two one-thread worker processes, started
/// once in global setup: 20,000 tiny built-in tasks (<c>scalar.add</c>) plus one fan-in sum
/// (<see cref="BuiltInTaskGraphs.FanIn"/>), graph built in setup. Times are per task
/// (OperationsPerInvoke) and include the client's cull, ordering and serialization, the center's
/// scheduling, the workers' runs and gathering the total.
/// </summary>
[MemoryDiagnoser]
public class DistributedBenchmarks
{
    /// <summary>Tiny tasks per graph (plus the sum).</summary>
    public const int Tasks = 20_000;

    private LocalCluster _cluster = null!;
    private TaskGraph _fanIn = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cluster = LocalCluster.StartAsync(2, 1).GetAwaiter().GetResult();
        _fanIn = BuiltInTaskGraphs.FanIn(Tasks);
    }

    [GlobalCleanup]
    public void Cleanup() => _cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Tasks)]
    public object? IndependentPlusFanInOnProcesses2() =>
        _cluster.ComputeAsync(_fanIn, [TinyTaskGraphs.Total]).AsTask().GetAwaiter().GetResult()[0];
}
