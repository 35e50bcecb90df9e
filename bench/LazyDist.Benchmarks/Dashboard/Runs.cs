using System.Diagnostics;
using LazyDist.Benchmarks.SideBySide;

namespace LazyDist.Benchmarks.Dashboard;

/// <summary>
/// One variant's timed runs: wall seconds, CPU seconds of this process and the cluster's worker processes
/// (steadier than wall time on a shared machine), and CPU seconds of whatever else the variant runs (a browser).
/// </summary>
internal sealed class Runs
{
    private readonly List<double> _wall = [];
    private readonly List<double> _cpu = [];
    private readonly List<double> _otherCpu = [];

    /// <summary>The median wall seconds.</summary>
    public double Wall => Fields.Median(_wall);

    /// <summary>The median CPU seconds of this process and the workers.</summary>
    public double Cpu => Fields.Median(_cpu);

    /// <summary>The median CPU seconds of the variant's other processes (0 when it has none).</summary>
    public double OtherCpu => _otherCpu.Count == 0 ? 0 : Fields.Median(_otherCpu);

    /// <summary>Server-sent-event bytes an in-process watcher received over all runs.</summary>
    public long Received { get; set; }

    /// <summary>Every run's wall seconds, in order.</summary>
    public IReadOnlyList<double> WallSeconds => _wall;

    /// <summary>Every run's CPU seconds, in order.</summary>
    public IReadOnlyList<double> CpuSeconds => _cpu;

    /// <summary>Runs <paramref name="run"/> once, measuring it, and <paramref name="otherCpu"/> (CPU seconds so far of processes outside the cluster) around it when given.</summary>
    public async Task TimeAsync(IReadOnlyList<int> workerProcesses, Func<Task> run, Func<double>? otherCpu = null)
    {
        double other = otherCpu?.Invoke() ?? 0;
        double cpu = TinyTaskCommand.CpuSeconds(workerProcesses);
        var clock = Stopwatch.StartNew();
        await run();
        _wall.Add(clock.Elapsed.TotalSeconds);
        _cpu.Add(TinyTaskCommand.CpuSeconds(workerProcesses) - cpu);
        if (otherCpu is not null)
            _otherCpu.Add(otherCpu() - other);
    }
}
