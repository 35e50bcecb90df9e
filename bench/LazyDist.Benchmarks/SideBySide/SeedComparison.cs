using System.Globalization;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// The seed (1000 chunks x 1,000,000 doubles) through the built CLI, <c>lazydist seed --scheduler
/// threads|sync</c>, each in a fresh process, against <c>dask_seed.py threads 1000</c>; the runs of
/// one repetition are interleaved so that drift on the machine hits all three alike.
/// </summary>
internal static class SeedComparison
{
    private const int Chunks = 1000;

    public static void Run(RepoLayout layout, DaskPeer? dask, int repeat, TextWriter output, TextWriter log)
    {
        var lazy = new Dictionary<string, List<(double Seconds, double Rss)>> { ["threads"] = [], ["sync"] = [] };
        var peer = new List<(double Seconds, double Rss)>();
        for (int r = 1; r <= repeat; r++)
        {
            foreach (var scheduler in lazy.Keys)
            {
                log.WriteLine($"# seed {r}/{repeat}: lazydist {scheduler}");
                var line = ChildProcess.Run("dotnet", layout.CliDll, "seed", "--scheduler", scheduler,
                    "--chunks", Chunks.ToString(CultureInfo.InvariantCulture)).EnsureSuccess($"lazydist seed --scheduler {scheduler}").LastLine;
                lazy[scheduler].Add((Fields.Number(line, "seconds"), Fields.Number(line, "peak_rss_mb")));
            }
            if (dask is not null)
            {
                log.WriteLine($"# seed {r}/{repeat}: dask threads");
                peer.Add(dask.Run("threads", Chunks));
            }
        }

        foreach (var (scheduler, runs) in lazy)
            output.WriteLine(Line("lazydist", scheduler, runs));
        if (dask is null)
            return;
        output.WriteLine(Line("dask", "threads", peer));
        double daskSeconds = Fields.Median(peer.Select(p => p.Seconds));
        double daskRss = Fields.Median(peer.Select(p => p.Rss));
        foreach (var (scheduler, runs) in lazy)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"what=seed-ratio lazydist={scheduler} dask=threads seconds_ratio={Fields.F(Fields.Median(runs.Select(p => p.Seconds)) / daskSeconds)} " +
                $"peak_rss_ratio={Fields.F(Fields.Median(runs.Select(p => p.Rss)) / daskRss)}"));
        }
    }

    private static string Line(string impl, string scheduler, List<(double Seconds, double Rss)> runs) =>
        string.Create(CultureInfo.InvariantCulture,
            $"what=seed impl={impl} scheduler={scheduler} chunks={Chunks} chunk_size=1000000 repeats={runs.Count} " +
            $"median_seconds={Fields.F(Fields.Median(runs.Select(p => p.Seconds)))} seconds={Fields.List(runs.Select(p => p.Seconds))} " +
            $"median_peak_rss_mb={Fields.F(Fields.Median(runs.Select(p => p.Rss)), 0)}");
}
