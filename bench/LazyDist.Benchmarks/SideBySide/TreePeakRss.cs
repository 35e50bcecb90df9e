namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// Runs a program under <c>/usr/bin/time -f %M</c>: its output and the peak RSS that
/// <c>wait4</c> reports for it, which is the largest of the program's own peak and the peaks of
/// the child processes it waited for (a local cluster's workers, dask's worker processes).
/// The same measure is used for LazyDist and for dask.
/// </summary>
internal static class TreePeakRss
{
    private const string Time = "/usr/bin/time";
    private const string Prefix = "tree_peak_rss_kb=";

    /// <summary>The output and the peak RSS in MB (NaN without /usr/bin/time).</summary>
    public static (ChildOutput Output, double PeakRssMegabytes) Run(string fileName, params IEnumerable<string> args)
    {
        if (!File.Exists(Time))
            return (ChildProcess.Run(fileName, args), double.NaN);
        var output = ChildProcess.Run(Time, ["-f", Prefix + "%M", fileName, .. args]);
        double rss = double.NaN;
        foreach (var line in output.Stderr.Split('\n', StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith(Prefix, StringComparison.Ordinal))
                rss = Fields.Number(line, "tree_peak_rss_kb") / 1024.0;
        }
        return (output, rss);
    }
}
