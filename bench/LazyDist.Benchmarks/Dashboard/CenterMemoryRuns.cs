using System.Diagnostics;
using System.Globalization;
using LazyDist.Benchmarks.Graphs;
using LazyDist.Benchmarks.SideBySide;
using LazyDist.Distributed;

namespace LazyDist.Benchmarks.Dashboard;

/// <summary>
/// The center's memory with its dashboard: a <c>lazydist center</c> process (<c>--no-dashboard</c>, then
/// <c>--dashboard-port 0</c> watched on every page while the graph runs) and two <c>lazydist worker</c>
/// processes run <see cref="TinyTaskGraphs.Million"/> (about a million tasks) from a client in this
/// process; the center's peak RSS (VmHWM) is read before it is stopped.
/// </summary>
internal static class CenterMemoryRuns
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(20);

    public static async Task Run(int leaves, TextWriter output, TextWriter error)
    {
        string cli = RepoLayout.Find().CliDll;
        var graph = TinyTaskGraphs.Million(leaves, 100);
        double without = await PeakAsync(cli, graph, dashboard: false, error);
        double with = await PeakAsync(cli, graph, dashboard: true, error);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=center-memory tasks={graph.Count} center_peak_rss_mb_without={Fields.F(without, 1)} center_peak_rss_mb_with_watched_dashboard={Fields.F(with, 1)} " +
            $"ratio={Fields.F(with / without)} ok={with / without <= 1.2} {LoadAverage.Field()}"));
    }

    private static async Task<double> PeakAsync(string cli, Graph.TaskGraph graph, bool dashboard, TextWriter error)
    {
        using var center = Start(cli, ["center", "--port", "0", .. dashboard ? new[] { "--dashboard-port", "0" } : ["--no-dashboard"]]);
        var processes = new List<Process> { center };
        try
        {
            string address = (await ReadLineStartingAsync(center, "center listening at "))["center listening at ".Length..];
            string? url = dashboard ? (await ReadLineStartingAsync(center, "dashboard at "))["dashboard at ".Length..] : null;
            for (int i = 0; i < 2; i++)
                processes.Add(Start(cli, ["worker", address, "--nthreads", "1", "--name", $"memory-{i}"]));
            await using var client = await DistributedScheduler.ConnectAsync(address);
            await client.WaitForWorkersAsync(2, Bound);
            var clock = Stopwatch.StartNew();
            await using (var watcher = url is null ? null : DashboardWatcher.Attach(url))
                await client.ComputeAsync(graph, [TinyTaskGraphs.Total]).AsTask().WaitAsync(Bound);
            double peak = PeakMegabytes(center.Id);
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"center memory, dashboard={dashboard}: {peak:F1} MB peak, {clock.Elapsed.TotalSeconds:F1} s"));
            return peak;
        }
        finally
        {
            foreach (var process in processes)
            {
                if (!process.HasExited)
                    process.Kill(entireProcessTree: true);
                process.Dispose();
            }
        }
    }

    private static double PeakMegabytes(int pid)
    {
        foreach (string line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return double.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        }
        throw new InvalidOperationException($"no VmHWM for process {pid}");
    }

    private static Process Start(string cli, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(cli);
        foreach (string arg in args)
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<string> ReadLineStartingAsync(Process process, string prefix)
    {
        while (true)
        {
            string line = await process.StandardOutput.ReadLineAsync().WaitAsync(Bound)
                ?? throw new InvalidOperationException($"the center ended before printing '{prefix}'");
            if (line.StartsWith(prefix, StringComparison.Ordinal))
                return line;
        }
    }
}
