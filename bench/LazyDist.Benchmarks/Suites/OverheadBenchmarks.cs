using BenchmarkDotNet.Attributes;
using LazyDist.Benchmarks.Graphs;
using LazyDist.Graph;

namespace LazyDist.Benchmarks.Suites;

/// <summary>
/// Per-task overhead of each local scheduler, on graphs built once in setup: 20,000 tiny
/// independent tasks plus one fan-in sum over them (dask_seed.py's overhead mode), and a chain of
/// 20,000 tasks each adding 1 to the one before. Times are per task (OperationsPerInvoke); a run
/// includes the scheduler's own culling, validation and ordering of the graph.
/// </summary>
[MemoryDiagnoser]
public class OverheadBenchmarks
{
    /// <summary>Tasks per graph (the fan-in graph has one more: the sum).</summary>
    public const int Tasks = 20_000;

    private IScheduler _scheduler = null!;
    private TaskGraph _fanIn = null!;
    private TaskGraph _chain = null!;

    /// <summary>The scheduler: <c>sync</c> or <c>threads</c>.</summary>
    [Params("sync", "threads")]
    public string Scheduler { get; set; } = "threads";

    [GlobalSetup]
    public void Setup()
    {
        _scheduler = SchedulerNames.Create(Scheduler);
        _fanIn = TinyTaskGraphs.FanIn(Tasks);
        _chain = TinyTaskGraphs.Chain(Tasks);
    }

    [Benchmark(OperationsPerInvoke = Tasks)]
    public object? IndependentPlusFanIn() => _scheduler.Get(_fanIn, TinyTaskGraphs.Total);

    [Benchmark(OperationsPerInvoke = Tasks)]
    public object? Chain() => _scheduler.Get(_chain, TinyTaskGraphs.ChainEnd(Tasks));
}
