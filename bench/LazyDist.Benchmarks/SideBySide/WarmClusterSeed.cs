using System.Diagnostics;
using System.Globalization;
using LazyDist.Collections;
using LazyDist.Distributed;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// The seed (1000 x 1,000,000, <c>DistArray.Random(...).Sum()</c>) on a local cluster that is
/// already running and warm, with the center's counters around each run: seconds, bytes moved
/// between workers, peak keys held by all workers (chunks and scalar partial sums alike), and
/// the peak bytes held, also in 8 MB chunk equivalents (what peak keys cannot tell apart).
/// </summary>
internal static class WarmClusterSeed
{
    private const int Chunks = 1000;
    private const int ChunkSize = 1_000_000;

    public static void Run(LocalCluster cluster, int repeat, TextWriter output, TextWriter log)
    {
        var runs = new List<(double Seconds, double Transferred, double PeakKeys, double PeakBytes)>();
        for (int r = 1; r <= repeat; r++)
        {
            log.WriteLine($"# dist-seed-warm {r}/{repeat}: lazydist processes:2 (cluster already running)");
            // Workers report their held keys with each finished task and each heartbeat (1 s): wait
            // for a heartbeat so that the reset does not start from the keys of the previous graph.
            Thread.Sleep(TimeSpan.FromSeconds(1.5));
            var before = cluster.Client.GetStatisticsAsync(resetPeak: true).GetAwaiter().GetResult();
            var clock = Stopwatch.StartNew();
            var sum = DistArray.Random((long)Chunks * ChunkSize, ChunkSize, 42).Sum();
            _ = sum.ComputeAsync(cluster).AsTask().GetAwaiter().GetResult();
            double seconds = clock.Elapsed.TotalSeconds;
            var after = cluster.Client.GetStatisticsAsync().GetAwaiter().GetResult();
            runs.Add((seconds, after.TransferredBytes - before.TransferredBytes, after.PeakKeys, after.PeakBytes));
        }
        double peakBytes = Fields.Median(runs.Select(r => r.PeakBytes));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=dist-seed-warm impl=lazydist scheduler=processes:2 chunks={Chunks} repeats={repeat} " +
            $"median_seconds={Fields.F(Fields.Median(runs.Select(r => r.Seconds)))} seconds={Fields.List(runs.Select(r => r.Seconds))} " +
            $"worker_transferred_bytes={Fields.List(runs.Select(r => r.Transferred), 0)} peak_keys={Fields.List(runs.Select(r => r.PeakKeys), 0)} " +
            $"median_peak_bytes={Fields.F(peakBytes, 0)} median_peak_chunk_equivalents={Fields.F(peakBytes / (8.0 * ChunkSize), 2)}"));
    }
}
