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
    private readonly Dictionary<string, long> _threadTicks = new(StringComparer.Ordinal);

    /// <summary>The median wall seconds.</summary>
    public double Wall => Fields.Median(_wall);

    /// <summary>The median CPU seconds of this process and the workers.</summary>
    public double Cpu => Fields.Median(_cpu);

    /// <summary>The median CPU seconds of the variant's other processes (0 when it has none).</summary>
    public double OtherCpu => _otherCpu.Count == 0 ? 0 : Fields.Median(_otherCpu);

    /// <summary>Server-sent-event bytes an in-process watcher received over all runs.</summary>
    public long Received { get; set; }

    /// <summary>
    /// The thread names that used the most CPU, with their mean milliseconds per run: <c>center:</c> for this
    /// process (the center's, the client's and an in-process watcher's), <c>worker:</c> for the worker processes.
    /// </summary>
    public string TopThreads(int count) => string.Join(',', _threadTicks
        .OrderByDescending(t => t.Value)
        .Take(count)
        .Select(t => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t.Key.Replace(' ', '_')}:{t.Value * 10.0 / Math.Max(1, _wall.Count):F0}")));

    /// <summary>Every run's wall seconds, in order.</summary>
    public IReadOnlyList<double> WallSeconds => _wall;

    /// <summary>Every run's CPU seconds, in order.</summary>
    public IReadOnlyList<double> CpuSeconds => _cpu;

    /// <summary>Runs <paramref name="run"/> once, measuring it, and <paramref name="otherCpu"/> (CPU seconds so far of processes outside the cluster) around it when given.</summary>
    public async Task TimeAsync(IReadOnlyList<int> workerProcesses, Func<Task> run, Func<double>? otherCpu = null)
    {
        double other = otherCpu?.Invoke() ?? 0;
        var threads = Threads(workerProcesses);
        double cpu = TinyTaskCommand.CpuSeconds(workerProcesses);
        var clock = Stopwatch.StartNew();
        await run();
        _wall.Add(clock.Elapsed.TotalSeconds);
        _cpu.Add(TinyTaskCommand.CpuSeconds(workerProcesses) - cpu);
        ThreadCpu.AddGains(threads, Threads(workerProcesses), _threadTicks);
        if (otherCpu is not null)
            _otherCpu.Add(otherCpu() - other);
    }

    /// <summary>CPU ticks by thread name of this process and of the workers (theirs summed over the workers).</summary>
    private static Dictionary<string, long> Threads(IReadOnlyList<int> workerProcesses)
    {
        var all = ThreadCpu.ByName(Environment.ProcessId).ToDictionary(t => "center:" + t.Key, t => t.Value, StringComparer.Ordinal);
        foreach (int pid in workerProcesses)
        {
            foreach (var (name, ticks) in ThreadCpu.ByName(pid))
                all["worker:" + name] = all.GetValueOrDefault("worker:" + name) + ticks;
        }
        return all;
    }
}
