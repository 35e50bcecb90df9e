using System.Diagnostics;
using LazyDist.Collections;
using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Cli.Seed;

/// <summary>
/// The seed computation through each API. The three build different graphs (the array sums in a
/// tree of 32, the other two in one fan-in), so their totals agree to rounding, not bit for bit;
/// any one API gives the same bits on every scheduler.
/// </summary>
internal static class SeedJob
{
    public static async Task<SeedResult> RunAsync(SeedOptions options, OpenScheduler open, IProgress<ComputeProgress>? progress, CancellationToken cancellationToken)
    {
        var scheduler = open.Scheduler;
        var before = open.Cluster is { } cluster ? await cluster.GetStatisticsAsync(resetPeak: true, cancellationToken) : null;
        long gatheredBefore = open.Cluster?.GatheredBytes ?? 0;
        // CPU is known for this process and a local cluster's worker processes, not for a remote cluster's.
        IReadOnlyList<int>? processes = open.Owner switch { LocalCluster local => local.WorkerProcessIds, null => [], _ => null };
        double? cpuBefore = processes is null ? null : ProcessCpu.Seconds(processes);
        double ownBefore = ProcessCpu.Seconds([])!.Value;
        var clock = Stopwatch.StartNew();
        double total = options.Api switch
        {
            SeedApi.Array => await DistArray.Random((long)options.Chunks * options.ChunkSize, options.ChunkSize, options.Seed).Sum().ComputeAsync(scheduler, progress, cancellationToken),
            SeedApi.Delayed => await ThroughDelayed(options).ComputeAsync(scheduler, progress, cancellationToken),
            _ => (double)(await scheduler.ComputeAsync(HandBuiltGraph(options), ["total"], progress, cancellationToken))[0]!,
        };
        clock.Stop();
        double? cpuAfter = processes is null ? null : ProcessCpu.Seconds(processes);
        var result = new SeedResult(total, clock.Elapsed) { PeakRssMegabytes = PeakMemory.ResidentMegabytes(), CpuSeconds = cpuAfter - cpuBefore, OwnCpuSeconds = processes is { Count: > 0 } ? ProcessCpu.Seconds([]) - ownBefore : null };
        if (open.Cluster is { } client && before is not null)
        {
            var after = await client.GetStatisticsAsync(cancellationToken: cancellationToken);
            return result with
            {
                TransferredBytes = after.TransferredBytes - before.TransferredBytes + (client.GatheredBytes - gatheredBefore),
                PeakKeys = after.PeakKeys,
                PeakChunks = ChunksWorth(after.PeakBytes, options),
            };
        }
        var stats = (scheduler as IReportsRunStatistics)?.LastRun;
        return result with { PeakChunks = stats is null ? null : ChunksWorth(stats.PeakHeldBytes, options), PeakKeys = stats?.PeakHeldValues };
    }

    /// <summary>Held bytes as a number of chunks (rounded up): how many chunks' worth of memory the run needed at most.</summary>
    private static int ChunksWorth(long bytes, SeedOptions options)
    {
        long chunkBytes = (long)options.ChunkSize * sizeof(double);
        return (int)((bytes + chunkBytes - 1) / chunkBytes);
    }

    /// <summary>The seed with <see cref="Delayed"/>: a delayed random chunk and its sum per chunk.</summary>
    internal static Delayed<double> ThroughDelayed(SeedOptions options)
    {
        var sums = new List<Delayed<double>>(options.Chunks);
        for (int i = 0; i < options.Chunks; i++)
        {
            var chunk = Delayed.Call<int, ulong, double[]>(Chunks.Random, options.ChunkSize, Chunks.Seed(options.Seed, i));
            sums.Add(Delayed.Call(Chunks.Sum, chunk));
        }
        return Delayed.Call(Chunks.Sum, Delayed.All(sums));
    }

    /// <summary>The seed's own dict of tasks: <c>("x", i)</c> chunks, <c>("y", i)</c> sums, <c>"total"</c>.</summary>
    internal static TaskGraph HandBuiltGraph(SeedOptions options)
    {
        var dsk = new TaskGraph(2 * options.Chunks + 1);
        for (int i = 0; i < options.Chunks; i++)
        {
            dsk[("x", i)] = new TaskNode(ArrayOperations.Random, options.ChunkSize, Chunks.Seed(options.Seed, i));
            dsk[("y", i)] = new TaskNode(ArrayOperations.Sum, TaskArg.Ref(("x", i)));
        }
        dsk["total"] = new TaskNode(ArrayOperations.Sum, ArgList.OfRefs(Enumerable.Range(0, options.Chunks).Select(i => (TaskKey)("y", i))));
        return dsk;
    }
}
