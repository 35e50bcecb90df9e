using System.Globalization;
using LazyDist.Benchmarks.Graphs;
using LazyDist.Benchmarks.SideBySide;
using LazyDist.Distributed;
using LazyDist.Graph;
using LazyDist.Schedulers;

namespace LazyDist.Benchmarks.Dashboard;

/// <summary>
/// <c>dashboard-targets [--repeat 5] [--chunks 1000] [--leaves 500000] [--only progress,dashboard,memory]</c>:
/// issue 11's targets. <c>progress</c>: the 20,000 tiny tasks + fan-in (<see cref="TinyTaskGraphs.FanIn"/>)
/// on <c>threads:2</c> and on a <c>LocalCluster</c> of two one-thread worker processes, with and without an
/// <see cref="IProgress{T}"/> sink, taking turns (target: ≤ 2% more). <c>dashboard</c>: the seed on
/// <c>processes:2</c> without a dashboard, with one nobody watches, and with one watched on every page (target:
/// nothing, and ≤ 5%). <c>memory</c>: peak RSS of a <c>lazydist center</c> process running a million tasks
/// with and without its dashboard (watched), two worker processes (target ≤ 1.2×). Medians; one line each.
/// </summary>
internal static class DashboardTargetsCommand
{
    public const string Name = "dashboard-targets";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        int repeat = Option(args, "--repeat", 5);
        int chunks = Option(args, "--chunks", 1000);
        int leaves = Option(args, "--leaves", 500_000);
        string only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault() ?? "progress,dashboard,memory";
        output.WriteLine($"what=machine {LoadAverage.Field()}");
        if (only.Contains("progress", StringComparison.Ordinal))
            ProgressCost(repeat, output, error).GetAwaiter().GetResult();
        if (only.Contains("dashboard", StringComparison.Ordinal))
            DashboardCostRuns.Run(repeat, chunks, output, error).GetAwaiter().GetResult();
        if (only.Contains("memory", StringComparison.Ordinal))
            CenterMemoryRuns.Run(leaves, output, error).GetAwaiter().GetResult();
        output.WriteLine($"what=machine-after {LoadAverage.Field()}");
        return 0;
    }

    private static async Task ProgressCost(int repeat, TextWriter output, TextWriter error)
    {
        const int tasks = 20_000;
        var graph = TinyTaskGraphs.FanIn(tasks);
        TrackerCost(graph, tasks, output);
        var threads = new ThreadedScheduler(2);
        await Compare("threads:2", threads, [], graph, tasks, repeat * 4, batch: 5, output, error);
        await using var cluster = await LocalCluster.StartAsync(2, 1);
        await Compare("processes:2", cluster, cluster.WorkerProcessIds, graph, tasks, repeat, batch: 1, output, error);
    }

    private static async Task Compare(string name, IScheduler scheduler, IReadOnlyList<int> workerProcesses, TaskGraph graph, int tasks, int repeat, int batch, TextWriter output, TextWriter error)
    {
        var sink = new LastReport();
        for (int i = 0; i < 3; i++)
        {
            await scheduler.ComputeAsync(graph, [TinyTaskGraphs.Total]);
            await scheduler.ComputeAsync(graph, [TinyTaskGraphs.Total], sink);
        }
        var without = new Runs();
        var with = new Runs();
        for (int r = 0; r < repeat; r++)
        {
            // Taking turns, each first half the time, so a drift in the machine's load falls on both.
            bool sinkFirst = r % 2 == 1;
            for (int turn = 0; turn < 2; turn++)
            {
                bool withSink = (turn == 0) == sinkFirst;
                await (withSink ? with : without).TimeAsync(workerProcesses, async () =>
                {
                    for (int b = 0; b < batch; b++)
                        await scheduler.ComputeAsync(graph, [TinyTaskGraphs.Total], withSink ? sink : null);
                });
            }
            error.WriteLine($"progress {name} run {r + 1}/{repeat}");
        }
        double perTask = 1e6 / ((tasks + 1) * batch);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=progress-cost scheduler={name} tasks={tasks} runs={repeat} computes_per_run={batch} median_without_us_per_task={Fields.F(without.Wall * perTask)} median_with_us_per_task={Fields.F(with.Wall * perTask)} " +
            $"ratio={Fields.F(with.Wall / without.Wall)} ok={with.Wall / without.Wall <= 1.02} " +
            $"cpu_without_us_per_task={Fields.F(without.Cpu * perTask)} cpu_with_us_per_task={Fields.F(with.Cpu * perTask)} cpu_ratio={Fields.F(with.Cpu / without.Cpu)} " +
            $"last_done={sink.Last?.Done} {LoadAverage.Field()}"));
    }

    /// <summary>The progress tracker's own cost per task, alone on one thread (set up for the run, every task counted, the reports it makes): what a sink adds to a local run at most.</summary>
    private static void TrackerCost(TaskGraph graph, int tasks, TextWriter output)
    {
        const int runs = 200;
        var order = graph.RunOrder([TinyTaskGraphs.Total]);
        var sink = new LastReport();
        var samples = new List<double>();
        for (int s = 0; s < 7; s++)
        {
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            for (int r = 0; r < runs; r++)
            {
                var tracker = new ProgressTracker(order, sink);
                tracker.Report(0);
                for (int t = 0; t < order.Count; t++)
                    tracker.Completed(t, 0);
                tracker.Report(0);
            }
            samples.Add((System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=progress-tracker-cost tasks={tasks} runs={runs}x7 median_cpu_ns_per_task={Fields.F(Fields.Median(samples) * 1e9 / ((tasks + 1.0) * runs))} {LoadAverage.Field()}"));
    }

    internal static int Option(IReadOnlyList<string> args, string name, int fallback)
    {
        for (int i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == name)
                return int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }
        return fallback;
    }

    /// <summary>A progress sink that keeps the last report, as a caller's would.</summary>
    private sealed class LastReport : IProgress<ComputeProgress>
    {
        public ComputeProgress? Last { get; private set; }

        public void Report(ComputeProgress value) => Last = value;
    }
}
