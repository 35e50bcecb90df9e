using System.Diagnostics;
using LazyDist.Benchmarks.SideBySide;

namespace LazyDist.Benchmarks.Dashboard;

/// <summary>One variant's timed runs: wall seconds, and CPU seconds of this process and the cluster's worker processes (steadier than wall time on a shared machine).</summary>
internal sealed class Runs
{
    private readonly List<double> _wall = [];
    private readonly List<double> _cpu = [];

    /// <summary>The median wall seconds.</summary>
    public double Wall => Fields.Median(_wall);

    /// <summary>The median CPU seconds.</summary>
    public double Cpu => Fields.Median(_cpu);

    /// <summary>Every run's wall seconds, in order.</summary>
    public IReadOnlyList<double> WallSeconds => _wall;

    /// <summary>Every run's CPU seconds, in order.</summary>
    public IReadOnlyList<double> CpuSeconds => _cpu;

    /// <summary>Runs <paramref name="run"/> once, measuring it.</summary>
    public async Task TimeAsync(IReadOnlyList<int> workerProcesses, Func<Task> run)
    {
        double cpu = TinyTaskCommand.CpuSeconds(workerProcesses);
        var clock = Stopwatch.StartNew();
        await run();
        _wall.Add(clock.Elapsed.TotalSeconds);
        _cpu.Add(TinyTaskCommand.CpuSeconds(workerProcesses) - cpu);
    }
}
