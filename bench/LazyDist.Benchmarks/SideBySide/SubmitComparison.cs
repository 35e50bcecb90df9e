using System.Diagnostics;
using System.Globalization;
using LazyDist.Benchmarks.Graphs;
using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// Per-task cost of futures of user lambdas on a warm <see cref="LocalCluster"/> of two one-thread
/// worker processes: 10,000 <c>cluster.Submit((int v) =&gt; v + 1, i)</c> then <c>Gather</c> (target:
/// at most 100 µs per task), the same impure (<c>pure: false</c>: no content hash), one
/// <c>cluster.Map</c>, the same tasks as one graph through <c>ComputeAsync</c> of all 10,000 keys, and
/// the overhead graph of user lambdas (10,000 tasks and one fan-in sum, <see cref="TinyTaskGraphs.FanIn"/>,
/// one result). For the futures modes, also where the time goes: the submitting loop on this thread,
/// the wait until every task is done on the cluster, and the gather. Arguments differ from run to
/// run, so no run reuses another's keys. Reference: <c>dask_seed.py overhead-dist 20000</c> per task
/// (dask's delayed graph with a fan-in sum, not client.submit), run after this cluster is stopped.
/// Between the two, <see cref="GatherDiagnostic"/> times the gather alone, against one request per worker.
/// </summary>
internal static class SubmitComparison
{
    private const int Tasks = 10_000;
    private const int DaskTasks = 20_000;
    private const int WarmUps = 2;
    private const double TargetMicroseconds = 100;

    private static readonly string[] Modes = ["submit", "submit-impure", "map", "graph", "graph-fan-in"];

    /// <summary>One run: seconds in all, and for futures the submitting, waiting and gathering parts.</summary>
    private sealed record Measured(double Seconds, double SubmitSeconds, double WaitSeconds, double GatherSeconds);

    public static void Run(DaskPeer? dask, int repeat, TextWriter output, TextWriter log)
    {
        var runs = Modes.ToDictionary(m => m, _ => new List<Measured>());
        log.WriteLine("# submit: starting a local cluster (2 workers x 1 thread)");
        var cluster = LocalCluster.StartAsync(2, 1).GetAwaiter().GetResult();
        int batch = 0;
        try
        {
            for (int w = 0; w < WarmUps; w++)
            {
                foreach (var mode in Modes)
                    _ = Once(cluster, mode, batch++);
            }
            for (int r = 1; r <= repeat; r++)
            {
                foreach (var mode in Modes)
                {
                    log.WriteLine($"# submit {r}/{repeat}: lazydist {mode}");
                    runs[mode].Add(Once(cluster, mode, batch++));
                }
            }
        }
        finally
        {
            cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        string diagnostic = GatherDiagnostic.Run(repeat, log);
        var peer = new List<double>();
        for (int r = 1; dask is not null && r <= repeat; r++)
        {
            log.WriteLine($"# submit {r}/{repeat}: dask overhead-dist (delayed)");
            peer.Add(dask.Run("overhead-dist", DaskTasks).Seconds);
        }

        foreach (var (mode, list) in runs)
        {
            double us = PerTask(Fields.Median(list.Select(r => r.Seconds)));
            string line = string.Create(CultureInfo.InvariantCulture,
                $"what=submit impl=lazydist mode={mode} scheduler=processes:2 tasks={Tasks} repeats={repeat} median_us_per_task={Fields.F(us, 1)} " +
                $"us_per_task={Fields.List(list.Select(r => PerTask(r.Seconds)), 1)}");
            if (mode is "submit" or "submit-impure" or "map")
            {
                line += string.Create(CultureInfo.InvariantCulture,
                    $" median_submit_us_per_task={Fields.F(PerTask(Fields.Median(list.Select(r => r.SubmitSeconds))), 1)}" +
                    $" median_wait_us_per_task={Fields.F(PerTask(Fields.Median(list.Select(r => r.WaitSeconds))), 1)}" +
                    $" median_gather_us_per_task={Fields.F(PerTask(Fields.Median(list.Select(r => r.GatherSeconds))), 1)}");
            }
            if (mode == "submit")
                line += string.Create(CultureInfo.InvariantCulture, $" target<={Fields.F(TargetMicroseconds, 0)} ok={(us <= TargetMicroseconds ? "true" : "false")}");
            output.WriteLine(line);
        }
        output.WriteLine(diagnostic);
        if (dask is null)
            return;
        double daskUs = Fields.Median(peer) * 1e6 / DaskTasks;
        double submitUs = PerTask(Fields.Median(runs["submit"].Select(r => r.Seconds)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=submit impl=dask mode=overhead-dist(delayed+fan-in) scheduler=dist(2x1) tasks={DaskTasks} repeats={peer.Count} " +
            $"median_us_per_task={Fields.F(daskUs, 1)} seconds={Fields.List(peer)}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=submit-ratio lazydist=submit vs=dask-overhead-dist us_per_task_ratio={Fields.F(submitUs / daskUs, 4)}"));
    }

    private static Measured Once(LocalCluster cluster, string mode, int batch)
    {
        int first = batch * Tasks;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        if (mode is "graph" or "graph-fan-in")
        {
            long total = mode == "graph" ? ComputeAll(cluster, first) : ComputeFanIn(cluster);
            double seconds = clock.Elapsed.TotalSeconds;
            long expected = mode == "graph" ? Expected(first) : BuiltInTaskGraphs.FanInTotal(Tasks);
            if (total != expected)
                throw new InvalidOperationException($"submit mode {mode} computed {total}, expected {expected}");
            return new Measured(seconds, double.NaN, double.NaN, double.NaN);
        }
        var items = Enumerable.Range(first, Tasks);
        IReadOnlyList<Future<int>> futures = mode switch
        {
            "submit" => [.. items.Select(i => cluster.Client.Submit(static (int v) => v + 1, i))],
            "submit-impure" => [.. items.Select(i => cluster.Client.Submit(static (int v) => v + 1, i, pure: false))],
            _ => cluster.Client.Map(static (int v) => v + 1, items),
        };
        double submitted = clock.Elapsed.TotalSeconds;
        Task.WhenAll(futures.Select(f => f.WaitAsync())).GetAwaiter().GetResult();
        double done = clock.Elapsed.TotalSeconds;
        var values = cluster.Client.Gather(futures);
        double gathered = clock.Elapsed.TotalSeconds;
        foreach (var future in futures)
            future.Release();
        long sum = values.Sum(v => (long)v);
        if (sum != Expected(first))
            throw new InvalidOperationException($"submit mode {mode} gathered a sum of {sum}, expected {Expected(first)}");
        return new Measured(gathered, submitted, done - submitted, gathered - done);
    }

    /// <summary>The same tasks as one graph, every key computed and gathered.</summary>
    private static long ComputeAll(LocalCluster cluster, int first)
    {
        var graph = new TaskGraph(Tasks);
        var keys = new TaskKey[Tasks];
        for (int i = 0; i < Tasks; i++)
        {
            keys[i] = new TaskKey("inc", first + i);
            graph[keys[i]] = TaskNode.Call(static (int v) => v + 1, first + i);
        }
        return cluster.ComputeAsync(graph, keys).AsTask().GetAwaiter().GetResult().Sum(v => (long)(int)v!);
    }

    private static long ComputeFanIn(LocalCluster cluster) =>
        (long)cluster.ComputeAsync(TinyTaskGraphs.FanIn(Tasks), [TinyTaskGraphs.Total]).AsTask().GetAwaiter().GetResult()[0]!;

    /// <summary>The sum of <c>v + 1</c> over the run's arguments.</summary>
    private static long Expected(int first) => (long)Tasks * first + (long)Tasks * (Tasks + 1) / 2;

    private static double PerTask(double seconds) => seconds * 1e6 / Tasks;
}
