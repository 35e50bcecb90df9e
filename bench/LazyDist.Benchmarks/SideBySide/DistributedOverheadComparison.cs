using System.Diagnostics;
using System.Globalization;
using LazyDist.Benchmarks.Graphs;
using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// Per-task overhead on a cluster: a <see cref="LocalCluster"/> of two one-thread worker processes
/// started once in this process, warmed up, then 20,000 tiny built-in tasks plus one fan-in sum
/// (<see cref="BuiltInTaskGraphs.FanIn"/>) computed through it, against
/// <c>dask_seed.py overhead-dist 20000</c> (dask's LocalCluster, 2 workers x 1 thread, whose time
/// includes building its graph but not starting the cluster). LazyDist reports the compute alone
/// (cull, order, serialize, submit, schedule, run, gather) and the build plus the compute.
/// Target: at most 50 µs per task. Also reports the part of the compute spent in this process
/// before anything is sent (<see cref="ClientPreparation"/>), and, on the same warm cluster, the
/// seed with the center's counters (<see cref="WarmClusterSeed"/>).
/// </summary>
internal static class DistributedOverheadComparison
{
    private const int Tasks = 20_000;
    private const int WarmUps = 5;
    private const double TargetMicroseconds = 50;

    public static void Run(DaskPeer? dask, int repeat, TextWriter output, TextWriter log)
    {
        var build = new List<double>();
        var run = new List<double>();
        var prepare = new List<double>();
        log.WriteLine("# overhead-dist: starting a local cluster (2 workers x 1 thread)");
        var cluster = LocalCluster.StartAsync(2, 1).GetAwaiter().GetResult();
        try
        {
            for (int w = 0; w < WarmUps; w++)
                _ = Once(cluster);
            for (int r = 1; r <= repeat; r++)
            {
                log.WriteLine($"# overhead-dist {r}/{repeat}: lazydist processes:2");
                var (b, x) = Once(cluster);
                build.Add(b);
                run.Add(x);
                prepare.Add(ClientPreparation.Seconds(BuiltInTaskGraphs.FanIn(Tasks), TinyTaskGraphs.Total));
            }
            WarmClusterSeed.Run(cluster, repeat, output, log);
        }
        finally
        {
            cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        // dask after the cluster is gone: its two workers and ours would share the 2 cores otherwise.
        var peer = new List<double>();
        for (int r = 1; dask is not null && r <= repeat; r++)
        {
            log.WriteLine($"# overhead-dist {r}/{repeat}: dask overhead-dist");
            peer.Add(dask.Run("overhead-dist", Tasks).Seconds);
        }

        double runUs = PerTask(Fields.Median(run));
        double totalUs = PerTask(Fields.Median(build.Zip(run, (a, b) => a + b)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=overhead-dist impl=lazydist scheduler=processes:2 tasks={Tasks} repeats={repeat} median_run_us_per_task={Fields.F(runUs)} " +
            $"median_build_and_run_us_per_task={Fields.F(totalUs)} target<={Fields.F(TargetMicroseconds, 0)} ok={(runUs <= TargetMicroseconds ? "true" : "false")} " +
            $"median_client_prepare_us_per_task={Fields.F(PerTask(Fields.Median(prepare)))} " +
            $"run_seconds={Fields.List(run, 4)} build_seconds={Fields.List(build, 4)}"));
        if (dask is null)
            return;
        double daskUs = PerTask(Fields.Median(peer));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=overhead-dist impl=dask scheduler=dist(2x1) tasks={Tasks} repeats={peer.Count} median_build_and_run_us_per_task={Fields.F(daskUs)} " +
            $"seconds={Fields.List(peer)}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=overhead-dist-ratio lazydist=processes:2 dask=dist build_and_run_ratio={Fields.F(totalUs / daskUs, 4)} run_only_vs_dask_ratio={Fields.F(runUs / daskUs, 4)}"));
    }

    private static (double BuildSeconds, double RunSeconds) Once(LocalCluster cluster)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        var graph = BuiltInTaskGraphs.FanIn(Tasks);
        double build = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var total = (long)cluster.ComputeAsync(graph, [TinyTaskGraphs.Total]).AsTask().GetAwaiter().GetResult()[0]!;
        double run = clock.Elapsed.TotalSeconds;
        if (total != BuiltInTaskGraphs.FanInTotal(Tasks))
            throw new InvalidOperationException($"the overhead graph computed {total} on the cluster, expected {BuiltInTaskGraphs.FanInTotal(Tasks)}");
        return (build, run);
    }

    private static double PerTask(double seconds) => seconds * 1e6 / Tasks;
}
