using System.Diagnostics;
using System.Globalization;
using LazyDist.Distributed;
using LazyDist.Collections;
using LazyDist.Graph;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// <c>work-stealing [--repeat 5] [--tasks 24] [--workers 3]</c>: a graph with skewed task durations
/// on a <see cref="LocalCluster"/> of one-thread worker processes, with work stealing on (the
/// default) and off, taking turns on warm clusters. One small root input, then N readers of it
/// (every sixth sleeps 300 ms, the others 30 ms) and their sum: data placement sends every reader
/// to the input's holder, so without stealing one worker runs them all while the others idle. The
/// tasks sleep rather than spin, so the figure measures placement, not the shared machine's cores.
/// Reports each mode's median seconds, the on/off ratio, how many tasks were stolen, and the load
/// average before and after.
/// </summary>
internal static class WorkStealingCommand
{
    public const string Name = "work-stealing";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter log)
    {
        int repeat = TinyTaskCommand.Option(args, "--repeat", 5);
        int tasks = TinyTaskCommand.Option(args, "--tasks", 24);
        int workers = TinyTaskCommand.Option(args, "--workers", 3);
        output.WriteLine($"what=machine {LoadAverage.Field()}");
        var on = LocalCluster.StartAsync(new LocalClusterOptions { Workers = workers }).GetAwaiter().GetResult();
        var off = LocalCluster.StartAsync(new LocalClusterOptions { Workers = workers, WorkStealing = false }).GetAwaiter().GetResult();
        try
        {
            var seconds = new Dictionary<string, List<double>> { ["on"] = [], ["off"] = [] };
            var clusters = new Dictionary<string, LocalCluster> { ["on"] = on, ["off"] = off };
            long stolenBefore = Stolen(on);
            for (int r = -1; r < repeat; r++) // one warm-up run each: code shipped, durations known
            {
                foreach (var (mode, runs) in seconds)
                {
                    log.WriteLine($"# work-stealing {r + 1}/{repeat}: {mode}");
                    double s = Once(clusters[mode], tasks, r, mode);
                    if (r >= 0)
                        runs.Add(s);
                }
                if (r < 0)
                    stolenBefore = Stolen(on);
            }
            double ideal = Sum(tasks) / 1000.0;
            foreach (var (mode, runs) in seconds)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"what=work-stealing stealing={mode} processes={workers} tasks={tasks} serial_seconds={Fields.F(ideal)} repeats={runs.Count} median_seconds={Fields.F(Fields.Median(runs))} seconds={Fields.List(runs)}"));
            }
            double ratio = Fields.Median(seconds["on"]) / Fields.Median(seconds["off"]);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"what=work-stealing-ratio on_vs_off={Fields.F(ratio)} stolen_per_run={Fields.F((Stolen(on) - stolenBefore) / (double)repeat, 1)}"));
        }
        finally
        {
            on.DisposeAsync().AsTask().GetAwaiter().GetResult();
            off.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        output.WriteLine($"what=machine-after {LoadAverage.Field()}");
        return 0;
    }

    private static long Stolen(LocalCluster cluster)
    {
        long stolen = 0;
        cluster.Center.WaitForAsync(s => { stolen = s.StolenTasks; return true; }, CancellationToken.None).GetAwaiter().GetResult();
        return stolen;
    }

    private static int Millis(int i) => i % 6 == 0 ? 300 : 30;

    private static int Sum(int tasks) => Enumerable.Range(0, tasks).Sum(Millis);

    /// <summary>One run on fresh keys; returns its seconds after checking the sum.</summary>
    private static double Once(LocalCluster cluster, int tasks, int run, string mode)
    {
        var graph = new TaskGraph { [$"in-{mode}{run + 1}"] = TaskNode.FromValue(new double[1000]) };
        var readers = new TaskKey[tasks];
        for (int i = 0; i < tasks; i++)
        {
            TaskKey key = ($"skewed-{mode}{run + 1}", i);
            graph[key] = TaskNode.Call((double[] input, int millis) =>
            {
                Thread.Sleep(millis);
                return (long)millis + input.Length;
            }, TaskArg.Ref($"in-{mode}{run + 1}"), Millis(i));
            readers[i] = key;
        }
        TaskKey total = $"total-{mode}{run + 1}";
        graph[total] = new TaskNode(ArrayOperations.SumScalars, ArgList.OfRefs(readers));
        var clock = Stopwatch.StartNew();
        long sum = (long)cluster.Client.ComputeAsync(graph, [total]).AsTask().GetAwaiter().GetResult()[0]!;
        double seconds = clock.Elapsed.TotalSeconds;
        long expected = Sum(tasks) + 1000L * tasks;
        return sum == expected ? seconds : throw new InvalidOperationException($"work-stealing: the sum is {sum}, not {expected}");
    }
}
