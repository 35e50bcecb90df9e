using System.Diagnostics;
using System.Globalization;
using LazyDist.Benchmarks.SideBySide;
using LazyDist.Collections;
using LazyDist.Distributed;
using LazyDist.Distributed.Worker;

namespace LazyDist.Benchmarks.Memory;

/// <summary>
/// <c>memory [--repeat N] [--chunks N]</c>: a worker's spill throughput to its local directory (8 MB
/// chunks written through the worker's store, then read back), and the seed (1000 x 1,000,000) on a
/// fresh processes:2 cluster with memory limits on (the default: the machine's memory divided among
/// the workers) and off, taking turns. Medians, ratios and the load average on one line each.
/// </summary>
internal static class MemoryCommand
{
    public const string Name = "memory";
    private const int ChunkSize = 1_000_000;

    public static int Run(string[] args, TextWriter output)
    {
        int repeat = Option(args, "--repeat", 5);
        int chunks = Option(args, "--chunks", 64);
        SpillThroughput(chunks, repeat, output);
        SeedWithLimits(repeat, output);
        return 0;
    }

    private static void SpillThroughput(int chunks, int repeat, TextWriter output)
    {
        var writes = new List<double>();
        var reads = new List<double>();
        var values = Enumerable.Range(0, chunks).Select(i => Chunks.Random(ChunkSize, Chunks.Seed(1, i))).ToArray();
        long bytes = 0;
        for (int r = 0; r < repeat; r++)
        {
            using var directory = SpillDirectory.Create(null, "bench");
            var store = new WorkerStore();
            for (int i = 0; i < chunks; i++)
                store.Put(("x", i), values[i], owned: false);
            var clock = Stopwatch.StartNew();
            bytes = 0;
            for (int i = 0; i < chunks; i++)
                bytes += store.Spill(("x", i), directory);
            writes.Add(bytes / 1e6 / clock.Elapsed.TotalSeconds);
            clock.Restart();
            for (int i = 0; i < chunks; i++)
                store.TryGet(("x", i), out _);
            reads.Add(bytes / 1e6 / clock.Elapsed.TotalSeconds);
            store.Clear();
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=spill impl=lazydist bytes={bytes} chunks={chunks} repeats={repeat} median_write_mb_per_s={Fields.F(Fields.Median(writes), 0)} " +
            $"write_mb_per_s={Fields.List(writes, 0)} median_read_mb_per_s={Fields.F(Fields.Median(reads), 0)} read_mb_per_s={Fields.List(reads, 0)} {LoadAverage.Field()}"));
    }

    private static void SeedWithLimits(int repeat, TextWriter output)
    {
        var on = new List<double>();
        var off = new List<double>();
        for (int r = 0; r < repeat; r++)
        {
            off.Add(Seed(memoryLimit: 0));
            on.Add(Seed(memoryLimit: null));
        }
        double ratio = Fields.Median(on) / Fields.Median(off);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=seed-memory-limits impl=lazydist scheduler=processes:2 repeats={repeat} median_seconds_on={Fields.F(Fields.Median(on))} " +
            $"median_seconds_off={Fields.F(Fields.Median(off))} ratio_on_off={Fields.F(ratio)} seconds_on={Fields.List(on)} seconds_off={Fields.List(off)} {LoadAverage.Field()}"));
    }

    /// <summary>One seed on a fresh cluster, timed from submission to result.</summary>
    private static double Seed(long? memoryLimit)
    {
        var cluster = LocalCluster.StartAsync(new LocalClusterOptions { Workers = 2, MemoryLimit = memoryLimit }).GetAwaiter().GetResult();
        try
        {
            var sum = DistArray.Random(1000L * ChunkSize, ChunkSize, 42).Sum();
            var clock = Stopwatch.StartNew();
            _ = sum.ComputeAsync(cluster).AsTask().GetAwaiter().GetResult();
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
