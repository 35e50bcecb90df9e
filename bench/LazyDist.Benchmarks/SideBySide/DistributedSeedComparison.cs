using System.Globalization;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// The seed on a cluster: <c>lazydist seed --scheduler processes:2</c> (a local cluster of two
/// one-thread worker processes, started by each fresh CLI process) interleaved with
/// <c>--scheduler threads:2</c> and <c>dask_seed.py dist-array 1000</c> (dask's LocalCluster, two
/// workers x one thread). The CLI's <c>seconds</c> and dask's exclude starting the cluster.
/// Reports the medians, the CLI's <c>transferred_bytes</c> and <c>peak_keys</c>, and the ratios
/// against the targets: processes:2/threads:2 &lt;= 1.3, processes:2/dask &lt;= 1/6,
/// transferred &lt;= 1 MB, peak keys &lt;= 4 per worker thread.
/// </summary>
internal static class DistributedSeedComparison
{
    private const int Chunks = 1000;
    private const int WorkerThreads = 2;

    public static void Run(RepoLayout layout, DaskPeer? dask, int repeat, TextWriter output, TextWriter log)
    {
        var lazy = new Dictionary<string, List<SeedRun>> { ["processes:2"] = [], ["threads:2"] = [] };
        var peer = new List<(double Seconds, double Rss)>();
        for (int r = 1; r <= repeat; r++)
        {
            foreach (var scheduler in lazy.Keys)
            {
                log.WriteLine($"# dist-seed {r}/{repeat}: lazydist {scheduler}");
                lazy[scheduler].Add(SeedRun.Of(layout, scheduler, Chunks));
            }
            if (dask is not null)
            {
                log.WriteLine($"# dist-seed {r}/{repeat}: dask dist-array");
                peer.Add(dask.Run("dist-array", Chunks));
            }
        }

        foreach (var (scheduler, runs) in lazy)
            output.WriteLine(Line(scheduler, runs));
        var processes = lazy["processes:2"];
        double processSeconds = Fields.Median(processes.Select(p => p.Seconds));
        double threadSeconds = Fields.Median(lazy["threads:2"].Select(p => p.Seconds));
        double bytes = Fields.Median(processes.Select(p => p.TransferredBytes));
        double keys = Fields.Median(processes.Select(p => p.PeakKeys));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=dist-seed-ratio lazydist=processes:2 vs=threads:2 seconds_ratio={Fields.F(processSeconds / threadSeconds)} target<=1.3 " +
            $"ok={Ok(processSeconds / threadSeconds <= 1.3)}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=dist-seed-cluster lazydist=processes:2 median_transferred_bytes={Fields.F(bytes, 0)} target<=1000000 ok={Ok(bytes <= 1_000_000)} " +
            $"max_transferred_bytes={Fields.F(processes.Max(p => p.TransferredBytes), 0)} median_peak_keys={Fields.F(keys, 0)} " +
            $"max_peak_keys={Fields.F(processes.Max(p => p.PeakKeys), 0)} target<={4 * WorkerThreads} ok={Ok(processes.Max(p => p.PeakKeys) <= 4 * WorkerThreads)}"));
        if (dask is null)
            return;
        double daskSeconds = Fields.Median(peer.Select(p => p.Seconds));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=dist-seed impl=dask scheduler=dist-array(2x1) chunks={Chunks} repeats={peer.Count} median_seconds={Fields.F(daskSeconds)} " +
            $"seconds={Fields.List(peer.Select(p => p.Seconds))} median_tree_peak_rss_mb={Fields.F(Fields.Median(peer.Select(p => p.Rss)), 0)}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=dist-seed-ratio lazydist=processes:2 vs=dask-dist-array seconds_ratio={Fields.F(processSeconds / daskSeconds, 4)} " +
            $"target<={Fields.F(1.0 / 6, 4)} ok={Ok(processSeconds / daskSeconds <= 1.0 / 6)} " +
            $"tree_peak_rss_ratio={Fields.F(Fields.Median(processes.Select(p => p.TreeRss)) / Fields.Median(peer.Select(p => p.Rss)))}"));
    }

    private static string Ok(bool met) => met ? "true" : "false";

    private static string Line(string scheduler, List<SeedRun> runs)
    {
        string line = string.Create(CultureInfo.InvariantCulture,
            $"what=dist-seed impl=lazydist scheduler={scheduler} chunks={Chunks} chunk_size=1000000 repeats={runs.Count} " +
            $"median_seconds={Fields.F(Fields.Median(runs.Select(p => p.Seconds)))} seconds={Fields.List(runs.Select(p => p.Seconds))} " +
            $"median_peak_rss_mb={Fields.F(Fields.Median(runs.Select(p => p.Rss)), 0)} " +
            $"median_tree_peak_rss_mb={Fields.F(Fields.Median(runs.Select(p => p.TreeRss)), 0)} " +
            $"median_wall_seconds={Fields.F(Fields.Median(runs.Select(p => p.WallSeconds)))}");
        if (runs.All(p => !double.IsNaN(p.TransferredBytes)))
            line += string.Create(CultureInfo.InvariantCulture, $" transferred_bytes={Fields.List(runs.Select(p => p.TransferredBytes), 0)}");
        line += string.Create(CultureInfo.InvariantCulture, $" peak_keys={Fields.List(runs.Select(p => p.PeakKeys), 0)}");
        return line;
    }
}
