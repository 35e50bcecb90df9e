using System.Diagnostics;
using System.Globalization;
using LazyDist.Benchmarks.SideBySide;
using LazyDist.Distributed;
using LazyDist.Graph;
using LazyDist.Schedulers;

namespace LazyDist.Benchmarks.Bag;

/// <summary>
/// <c>bag-run WORKLOAD DIR MODE [REPEAT]</c>: runs one bag workload (or a baseline: <c>plinq</c>, <c>handwritten</c>)
/// REPEAT times in a fresh process and prints one line per run: <c>workload mode seconds result peak_rss_mb</c>.
/// <c>shuffle</c> needs no corpus (DIR is ignored): 10 M (long, long) pairs grouped into 64 partitions.
/// MODE is <c>threads</c>, <c>sync</c> or <c>processes:N</c> (a local cluster, started before the clock).
/// </summary>
internal static class BagRunCommand
{
    public const string Name = "bag-run";

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        if (args.Count < 3)
        {
            output.WriteLine("usage: bag-run WORKLOAD DIR MODE [REPEAT]");
            return 2;
        }
        string workload = args[0], root = args[1], mode = args[2];
        int repeat = args.Count > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
        LocalCluster? cluster = null;
        IScheduler scheduler = mode switch
        {
            "threads" => new ThreadedScheduler(),
            "sync" => new SynchronousScheduler(),
            _ when mode.StartsWith("processes:", StringComparison.Ordinal) => cluster = LocalCluster.StartAsync(workers: int.Parse(mode["processes:".Length..], CultureInfo.InvariantCulture)).GetAwaiter().GetResult(),
            _ => throw new ArgumentException($"unknown mode {mode}"),
        };
        try
        {
            for (int r = 0; r < repeat; r++)
            {
                var clock = Stopwatch.StartNew();
                string result = workload switch
                {
                    "plinq" => BagWorkloads.NaivePlinq(root),
                    "handwritten" => BagWorkloads.HandWritten(root),
                    "lines" => $"lines={LazyDist.Collections.DistBag.LongCount(LazyDist.Collections.DistBag.ReadLines(Path.Combine(root, "text", "*.txt"))).Compute(scheduler)}",
                    "file-lines" => $"lines={Directory.GetFiles(Path.Combine(root, "text"), "*.txt").AsParallel().Sum(f => File.ReadLines(f).LongCount())}",
                    "shuffle" => BagWorkloads.Shuffle(scheduler, cluster),
                    _ => BagWorkloads.Run(workload, root, scheduler),
                };
                double seconds = clock.Elapsed.TotalSeconds;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{workload} {mode} {seconds:F3} {result} peak_rss_mb={ProcessMemory.PeakMegabytes():F0}"));
            }
        }
        finally
        {
            cluster?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return 0;
    }
}
