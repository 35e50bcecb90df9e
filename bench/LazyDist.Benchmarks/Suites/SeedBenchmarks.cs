using BenchmarkDotNet.Attributes;
using LazyDist.Benchmarks.Graphs;
using LazyDist.Collections;
using LazyDist.Graph;

namespace LazyDist.Benchmarks.Suites;

/// <summary>
/// The seed computation (N chunks of 1,000,000 random doubles, each summed, then the total) on
/// each local scheduler: through <c>DistArray</c> (graph built on every call, as user code does)
/// and through a hand-built <see cref="TaskGraph"/> (built once in setup).
/// </summary>
[MemoryDiagnoser]
public class SeedBenchmarks
{
    private const int ChunkSize = 1_000_000;
    private const ulong Seed = 42;

    private IScheduler _scheduler = null!;
    private TaskGraph _handBuilt = null!;

    /// <summary>The number of chunks.</summary>
    [Params(100, 1000)]
    public int ChunkCount { get; set; }

    /// <summary>The scheduler: <c>sync</c> or <c>threads</c>.</summary>
    [Params("sync", "threads")]
    public string Scheduler { get; set; } = "threads";

    [GlobalSetup]
    public void Setup()
    {
        _scheduler = SchedulerNames.Create(Scheduler);
        _handBuilt = SeedGraph.Build(ChunkCount, ChunkSize, Seed);
    }

    [Benchmark(Baseline = true)]
    public double DistArraySum() =>
        DistArray.Random(ChunkCount * (long)ChunkSize, ChunkSize, Seed).Sum().Compute(_scheduler);

    [Benchmark]
    public object? HandBuiltGraph() => _scheduler.Get(_handBuilt, SeedGraph.Total);
}
