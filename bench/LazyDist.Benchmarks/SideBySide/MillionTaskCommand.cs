using System.Diagnostics;
using System.Globalization;
using LazyDist.Benchmarks.Graphs;
using LazyDist.Graph;
using LazyDist.Schedulers;
using Microsoft.Extensions.Logging;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// <c>million-tasks [--leaves N] [--fan-in K] [--processes P]</c>: builds <see cref="TinyTaskGraphs.Million"/>
/// (default 500,000 leaves, fan-in 100: 1,005,051 tasks), runs it on the threaded scheduler (or, with
/// <c>--processes</c>, on a local cluster of P one-thread worker processes, whose center is in this process), and
/// prints one line with the build and run seconds and this process's resident memory after the
/// build and at its peak. The side-by-side runs it in a child process so the peak is its own.
/// </summary>
internal static class MillionTaskCommand
{
    public const string Name = "million-tasks";

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        int leaves = Option(args, "--leaves", 500_000);
        int fanIn = Option(args, "--fan-in", 100);
        int processes = Option(args, "--processes", 0);
        var clock = Stopwatch.StartNew();
        var graph = TinyTaskGraphs.Million(leaves, fanIn);
        double build = clock.Elapsed.TotalSeconds;
        double rssAfterBuild = ProcessMemory.CurrentMegabytes();
        IScheduler scheduler = processes > 0
            ? Distributed.LocalCluster.StartAsync(processes, 1, LoggerFactory.Create(b => b.AddConsole().SetMinimumLevel(LogLevel.Warning))).GetAwaiter().GetResult()
            : new ThreadedScheduler();
        clock.Restart();
        var total = (long)scheduler.Get(graph, TinyTaskGraphs.Total)!;
        double run = clock.Elapsed.TotalSeconds;
        string parts = "";
        if (scheduler is Distributed.LocalCluster local)
        {
            // Where the time went: the client's preparation (timed again, alone) and the center's own handling of events.
            double prepare = ClientPreparation.Seconds(graph, TinyTaskGraphs.Total);
            parts = string.Create(CultureInfo.InvariantCulture, $" client_prepare_seconds={Fields.F(prepare)} center_seconds={Fields.F(local.Center.BusyTime.TotalSeconds)}");
            local.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        long expected = (long)leaves * (leaves + 1);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=million-tasks scheduler={scheduler} tasks={graph.Count} leaves={leaves} fan_in={fanIn} build_seconds={Fields.F(build)} " +
            $"run_seconds={Fields.F(run)} rss_after_build_mb={Fields.F(rssAfterBuild, 0)} peak_rss_mb={Fields.F(ProcessMemory.PeakMegabytes(), 0)} " +
            $"total={total} ok={(total == expected ? "true" : "false")}{parts} {LoadAverage.Field()}"));
        return total == expected ? 0 : 1;
    }

    private static int Option(IReadOnlyList<string> args, string name, int fallback)
    {
        for (int i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == name)
                return int.Parse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture);
        }
        return fallback;
    }
}
