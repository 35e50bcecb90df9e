using System.Globalization;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// One <c>lazydist seed</c> run in a fresh process: the fields it printed (NaN for those a local
/// scheduler does not print), the peak RSS of its process tree and its wall-clock time, which
/// includes the runtime's start-up and, on a cluster, starting and stopping the workers.
/// </summary>
internal sealed record SeedRun(double Seconds, double Rss, double TransferredBytes, double PeakKeys, double TreeRss, double WallSeconds)
{
    /// <exception cref="InvalidOperationException">The CLI failed.</exception>
    public static SeedRun Of(RepoLayout layout, string scheduler, int chunks)
    {
        var (output, treeRss) = TreePeakRss.Run("dotnet", layout.CliDll, "seed", "--scheduler", scheduler,
            "--chunks", chunks.ToString(CultureInfo.InvariantCulture));
        string line = output.EnsureSuccess($"lazydist seed --scheduler {scheduler}").LastLine;
        return new SeedRun(Fields.Number(line, "seconds"), Fields.Number(line, "peak_rss_mb"),
            Optional(line, "transferred_bytes"), Optional(line, "peak_keys"), treeRss, output.Elapsed.TotalSeconds);
    }

    private static double Optional(string line, string key) =>
        line.Contains(key + "=", StringComparison.Ordinal) ? Fields.Number(line, key) : double.NaN;
}
