using System.Diagnostics;
using System.Globalization;
using LazyDist.Collections;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// Worker-to-worker transfer of one 8 MB chunk (1,000,000 doubles) on loopback. A worker process
/// of a two-worker cluster makes the chunk and keeps it (<see cref="ChunkHoldingCluster"/>); this
/// process then fetches it from that worker's data port with <see cref="PeerPool.FetchAsync"/>,
/// the very code a worker runs to fetch a dependency from a peer (request, the serving worker's
/// reply of raw bytes, decoding into a fresh <c>double[]</c>). The connection is made once and
/// reused, as between workers; a few untimed fetches warm it up. Reports MB/s (10^6 bytes) per
/// fetch: the median and the spread. Target: at least 1 GB/s.
/// </summary>
internal static class PeerTransferComparison
{
    private const int Length = 1_000_000;
    private const int WarmUps = 5;
    private const int FetchesPerRepeat = 20;
    private const double TargetMegabytesPerSecond = 1000;

    public static void Run(int repeat, TextWriter output, TextWriter log) => RunAsync(repeat, output, log).GetAwaiter().GetResult();

    private static async Task RunAsync(int repeat, TextWriter output, TextWriter log)
    {
        log.WriteLine("# transfer: starting a center and 2 worker processes");
        await using var cluster = await ChunkHoldingCluster.StartAsync(2);
        var key = new TaskKey("chunk", 0);
        ulong seed = Chunks.Seed(42, 0);
        string holder = await cluster.HoldChunkAsync(key, Length, seed);
        await using var peers = new PeerPool(cluster.Token, "bench-peer");
        var expected = Chunks.Random(Length, seed);
        for (int w = 0; w < WarmUps; w++)
        {
            var value = (await peers.FetchAsync(holder, [key], CancellationToken.None))[0];
            if (w == 0 && (value is not double[] chunk || !chunk.AsSpan().SequenceEqual(expected)))
                throw new InvalidOperationException("the fetched chunk differs from Chunks.Random(1000000, seed)");
        }
        var rates = new List<double>();
        for (int r = 1; r <= repeat; r++)
        {
            log.WriteLine($"# transfer {r}/{repeat}: {FetchesPerRepeat} fetches of 8 MB from {holder}");
            for (int f = 0; f < FetchesPerRepeat; f++)
            {
                GC.Collect();
                var clock = Stopwatch.StartNew();
                _ = await peers.FetchAsync(holder, [key], CancellationToken.None);
                rates.Add(8.0 * Length / clock.Elapsed.TotalSeconds / 1e6);
            }
        }
        var sorted = rates.Order().ToArray();
        double median = Fields.Median(rates);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=transfer impl=lazydist path=peer-fetch(PeerPool->worker-process-data-port) bytes={8 * Length} fetches={rates.Count} " +
            $"median_mb_per_s={Fields.F(median, 0)} min_mb_per_s={Fields.F(sorted[0], 0)} max_mb_per_s={Fields.F(sorted[^1], 0)} " +
            $"median_ms={Fields.F(8.0 * Length / median / 1e3, 2)} target>={Fields.F(TargetMegabytesPerSecond, 0)} ok={(median >= TargetMegabytesPerSecond ? "true" : "false")}"));
    }
}
