using System.Diagnostics;
using System.Globalization;
using LazyDist.Benchmarks.Graphs;
using LazyDist.Graph;
using LazyDist.Schedulers;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// Per-task overhead: 20,000 tiny tasks plus one fan-in sum on LazyDist's threaded scheduler, in
/// this process after five untimed warm-up runs (so the JIT's tiering has settled), against
/// <c>dask_seed.py overhead-threaded 20000</c>. dask's figure includes building its graph
/// (<c>delayed(inc)(i)</c> for every i), so LazyDist reports the run alone and the build plus the
/// run, and both ratios.
/// </summary>
internal static class OverheadComparison
{
    private const int Tasks = 20_000;
    private const long Expected = (long)Tasks * (Tasks + 1) / 2;
    private const int WarmUps = 5;

    public static void Run(DaskPeer? dask, int repeat, TextWriter output, TextWriter log)
    {
        var scheduler = new ThreadedScheduler();
        for (int w = 0; w < WarmUps; w++)
            _ = Once(scheduler);
        var build = new List<double>();
        var run = new List<double>();
        var peer = new List<double>();
        for (int r = 1; r <= repeat; r++)
        {
            log.WriteLine($"# overhead {r}/{repeat}: lazydist threads");
            var (b, x) = Once(scheduler);
            build.Add(b);
            run.Add(x);
            if (dask is not null)
            {
                log.WriteLine($"# overhead {r}/{repeat}: dask threads");
                peer.Add(dask.Run("overhead-threaded", Tasks).Seconds);
            }
        }

        double runUs = PerTask(Fields.Median(run));
        double buildUs = PerTask(Fields.Median(build));
        double totalUs = PerTask(Fields.Median(build.Zip(run, (a, b) => a + b)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=overhead impl=lazydist scheduler=threads tasks={Tasks} repeats={repeat} median_run_us_per_task={Fields.F(runUs)} " +
            $"median_build_us_per_task={Fields.F(buildUs)} median_build_and_run_us_per_task={Fields.F(totalUs)} " +
            $"run_seconds={Fields.List(run, 4)} build_seconds={Fields.List(build, 4)}"));
        if (dask is null)
            return;
        double daskUs = PerTask(Fields.Median(peer));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=overhead impl=dask scheduler=threads tasks={Tasks} repeats={repeat} median_build_and_run_us_per_task={Fields.F(daskUs)} " +
            $"seconds={Fields.List(peer)}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=overhead-ratio lazydist=threads dask=threads build_and_run_ratio={Fields.F(totalUs / daskUs, 4)} run_only_vs_dask_ratio={Fields.F(runUs / daskUs, 4)}"));
    }

    private static (double BuildSeconds, double RunSeconds) Once(ThreadedScheduler scheduler)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        var graph = TinyTaskGraphs.FanIn(Tasks);
        double build = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var total = (long)scheduler.Get(graph, TinyTaskGraphs.Total)!;
        double run = clock.Elapsed.TotalSeconds;
        if (total != Expected)
            throw new InvalidOperationException($"the overhead graph computed {total}, expected {Expected}");
        return (build, run);
    }

    private static double PerTask(double seconds) => seconds * 1e6 / Tasks;
}
