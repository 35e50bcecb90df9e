namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// The Python dask peer, <c>shared/peers/dask_seed.py</c>, run with Debian's <c>/usr/bin/python3</c>
/// under <c>/usr/bin/time -f %M</c> for its peak RSS. It prints <c>mode n seconds result</c>; its
/// seconds exclude interpreter start-up and imports.
/// </summary>
internal sealed class DaskPeer
{
    private const string Python = "/usr/bin/python3";
    private const string Time = "/usr/bin/time";
    private const string RssPrefix = "peak_rss_kb=";

    private readonly string _script;

    private DaskPeer(string script) => _script = script;

    /// <summary>The peer, or null with the reason when the script is missing or python cannot import dask.</summary>
    public static DaskPeer? TryCreate(RepoLayout layout, out string reason)
    {
        if (!File.Exists(layout.DaskScript))
        {
            reason = $"no {layout.DaskScript}";
            return null;
        }
        if (!File.Exists(Python))
        {
            reason = $"no {Python}";
            return null;
        }
        var probe = ChildProcess.Run(Python, "-c", "import dask, dask.array, numpy");
        if (probe.ExitCode != 0)
        {
            reason = $"{Python} cannot import dask: {probe.Stderr.Trim().Split('\n').LastOrDefault()}";
            return null;
        }
        reason = "";
        return new DaskPeer(layout.DaskScript);
    }

    /// <summary>Runs <c>dask_seed.py MODE N</c>: the seconds it reports and its peak RSS in MB (NaN without /usr/bin/time).</summary>
    /// <exception cref="InvalidOperationException">The script failed.</exception>
    public (double Seconds, double PeakRssMegabytes) Run(string mode, int n)
    {
        string count = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        bool timed = File.Exists(Time);
        var output = (timed
            ? ChildProcess.Run(Time, "-f", RssPrefix + "%M", Python, _script, mode, count)
            : ChildProcess.Run(Python, _script, mode, count)).EnsureSuccess($"dask_seed.py {mode} {count}");
        string[] fields = output.LastLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 3 || !double.TryParse(fields[2], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double seconds))
            throw new InvalidOperationException($"dask_seed.py printed an unexpected line: {output.LastLine}");
        double rss = double.NaN;
        foreach (var line in output.Stderr.Split('\n', StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith(RssPrefix, StringComparison.Ordinal))
                rss = Fields.Number(line, "peak_rss_kb") / 1024.0;
        }
        return (seconds, rss);
    }
}
