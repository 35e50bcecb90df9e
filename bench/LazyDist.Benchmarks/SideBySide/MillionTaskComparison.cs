using System.Globalization;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// Runs <see cref="MillionTaskCommand"/> in child processes (this program again, through
/// <c>dotnet</c>) and reports the medians: seconds to build and to run the graph of about a
/// million tasks on the threaded scheduler, and the child's peak RSS. LazyDist only: at dask's
/// ~90 µs per task a million tasks would take minutes per run.
/// </summary>
internal static class MillionTaskComparison
{
    public static void Run(int repeat, TextWriter output, TextWriter log)
    {
        var lines = new List<string>();
        for (int r = 1; r <= repeat; r++)
        {
            log.WriteLine($"# million-tasks {r}/{repeat}: lazydist threads");
            var line = ChildProcess.Run("dotnet", RepoLayout.SelfDll, MillionTaskCommand.Name).EnsureSuccess(MillionTaskCommand.Name).LastLine;
            if (!line.Contains("ok=true", StringComparison.Ordinal))
                throw new InvalidOperationException($"the million-task graph computed a wrong total: {line}");
            lines.Add(line);
        }
        double Median(string key) => Fields.Median(lines.Select(l => Fields.Number(l, key)));
        var run = lines.Select(l => Fields.Number(l, "run_seconds")).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=million-tasks impl=lazydist scheduler=threads tasks={Fields.F(Median("tasks"), 0)} repeats={repeat} " +
            $"graph=\"500000 inc + 500000 double(inc) + sum tree fan-in 100\" median_build_seconds={Fields.F(Median("build_seconds"))} " +
            $"median_run_seconds={Fields.F(Median("run_seconds"))} run_seconds={Fields.List(run)} " +
            $"median_run_us_per_task={Fields.F(Median("run_seconds") * 1e6 / Median("tasks"))} " +
            $"median_rss_after_build_mb={Fields.F(Median("rss_after_build_mb"), 0)} median_peak_rss_mb={Fields.F(Median("peak_rss_mb"), 0)}"));
    }
}
