using System.Diagnostics;
using System.Globalization;
using LazyDist.Collections;
using LazyDist.Distributed;
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
/// fetch: the median and the spread. Target: at least 1 GB/s. The same again with mutual TLS on
/// every connection (a second cluster, fetches taking turns with the first), and TLS's cost:
/// 1 - median with TLS / median without. Target: at most 10%. Beside each rate, the CPU time one
/// fetch costs: this process's (the reader's, measured around each fetch) and the worker processes'
/// (the server's, in the kernel's 10 ms ticks, per batch of fetches), since on a shared machine the
/// CPU a transfer needs says more than how long it waited for a core. Last, the floor: the CPU
/// AES-128-GCM alone needs to seal and open the 8 MB (<see cref="AesGcmFloor"/>), and what TLS would
/// cost if it added only that to the plain transfer's CPU, on a machine whose cores are all busy.
/// </summary>
internal static class PeerTransferComparison
{
    private const int Length = 1_000_000;
    private const int WarmUps = 5;
    private const int FetchesPerRepeat = 20;
    private const double TargetMegabytesPerSecond = 1000;

    /// <summary>TLS may cost at most this share of the plain transfer rate.</summary>
    private const double TargetTlsCost = 0.10;

    public static void Run(int repeat, TextWriter output, TextWriter log) => RunAsync(repeat, output, log).GetAwaiter().GetResult();

    private static async Task RunAsync(int repeat, TextWriter output, TextWriter log)
    {
        log.WriteLine("# transfer: starting two clusters of a center and 2 worker processes each, one on plain TCP, one with mutual TLS");
        string directory = Directory.CreateTempSubdirectory("lazydist-bench-tls-").FullName;
        try
        {
            using var authority = new CertificateAuthority(directory, "LazyDist bench CA");
            var plain = await Source.StartAsync(null);
            await using var plainCluster = plain.Cluster;
            var tls = await Source.StartAsync(authority.Issue("bench", mutual: true, []));
            await using var tlsCluster = tls.Cluster;
            var rates = new Dictionary<Source, List<double>> { [plain] = [], [tls] = [] };
            for (int r = 1; r <= repeat; r++)
            {
                // Turn about, so both see the same load on a shared machine.
                foreach (var source in new[] { plain, tls })
                {
                    log.WriteLine($"# transfer {r}/{repeat} ({source.Name}): {FetchesPerRepeat} fetches of 8 MB from {source.Holder}");
                    rates[source].AddRange(await source.FetchAsync(FetchesPerRepeat));
                    log.WriteLine($"# load average {File.ReadAllText("/proc/loadavg").Trim()}");
                }
            }
            foreach (var source in new[] { plain, tls })
                output.WriteLine(Line(source, rates[source]));
            double cost = 1 - Fields.Median(rates[tls]) / Fields.Median(rates[plain]);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"what=transfer-tls-cost median_plain_mb_per_s={Fields.F(Fields.Median(rates[plain]), 0)} median_tls_mb_per_s={Fields.F(Fields.Median(rates[tls]), 0)} " +
                $"cost_percent={Fields.F(100 * cost, 1)} target<={Fields.F(100 * TargetTlsCost, 0)} ok={(cost <= TargetTlsCost ? "true" : "false")}"));
            var (sealMs, openMs) = AesGcmFloor.Measure(8 * Length);
            double plainCpu = (plain.ReaderCpu + plain.WorkerCpu).TotalMilliseconds / rates[plain].Count;
            double tlsCpu = (tls.ReaderCpu + tls.WorkerCpu).TotalMilliseconds / rates[tls].Count;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"what=transfer-tls-cpu cipher=AES-128-GCM record_bytes=16384 cpu_ms_plain={Fields.F(plainCpu, 2)} cpu_ms_tls={Fields.F(tlsCpu, 2)} " +
                $"cpu_ms_aes_gcm_seal={Fields.F(sealMs, 2)} cpu_ms_aes_gcm_open={Fields.F(openMs, 2)} " +
                $"cpu_ms_tls_beyond_aes_gcm={Fields.F(tlsCpu - plainCpu - sealMs - openMs, 2)} " +
                $"floor_cost_percent_cores_busy={Fields.F(100 * (sealMs + openMs) / (plainCpu + sealMs + openMs), 1)}"));
            await plain.Peers.DisposeAsync();
            await tls.Peers.DisposeAsync();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Line(Source source, List<double> rates)
    {
        var sorted = rates.Order().ToArray();
        double median = Fields.Median(rates);
        return string.Create(CultureInfo.InvariantCulture,
            $"what=transfer impl=lazydist path=peer-fetch(PeerPool->worker-process-data-port) tls={source.Name} bytes={8 * Length} fetches={rates.Count} " +
            $"median_mb_per_s={Fields.F(median, 0)} min_mb_per_s={Fields.F(sorted[0], 0)} max_mb_per_s={Fields.F(sorted[^1], 0)} " +
            $"median_ms={Fields.F(8.0 * Length / median / 1e3, 2)} " +
            $"cpu_ms_per_fetch_reader={Fields.F(source.ReaderCpu.TotalMilliseconds / rates.Count, 2)} cpu_ms_per_fetch_workers={Fields.F(source.WorkerCpu.TotalMilliseconds / rates.Count, 2)} target>={Fields.F(TargetMegabytesPerSecond, 0)} ok={(median >= TargetMegabytesPerSecond ? "true" : "false")}");
    }

    /// <summary>A cluster holding the chunk, and a reader of its data port, both with the same TLS (or none).</summary>
    private sealed class Source(string name, ChunkHoldingCluster cluster, PeerPool peers, string holder)
    {
        private static readonly TaskKey Key = new("chunk", 0);

        public string Name { get; } = name;

        public ChunkHoldingCluster Cluster { get; } = cluster;

        public PeerPool Peers { get; } = peers;

        public string Holder { get; } = holder;

        /// <summary>This process's CPU time in the timed fetches.</summary>
        public TimeSpan ReaderCpu { get; private set; }

        /// <summary>The worker processes' CPU time over the batches of timed fetches.</summary>
        public TimeSpan WorkerCpu { get; private set; }

        public static async Task<Source> StartAsync(TlsOptions? tls)
        {
            var cluster = await ChunkHoldingCluster.StartAsync(2, tls);
            ulong seed = Chunks.Seed(42, 0);
            string holder = await cluster.HoldChunkAsync(Key, Length, seed);
            var peers = new PeerPool(cluster.Security, "bench-peer");
            var expected = Chunks.Random(Length, seed);
            for (int w = 0; w < WarmUps; w++)
            {
                var value = (await peers.FetchAsync(holder, [Key], CancellationToken.None))[0];
                if (w == 0 && (value is not double[] chunk || !chunk.AsSpan().SequenceEqual(expected)))
                    throw new InvalidOperationException("the fetched chunk differs from Chunks.Random(1000000, seed)");
            }
            return new Source(tls is null ? "off" : "mutual", cluster, peers, holder);
        }

        public async Task<List<double>> FetchAsync(int count)
        {
            var rates = new List<double>();
            var workersBefore = Cluster.WorkerProcessorTime;
            for (int f = 0; f < count; f++)
            {
                GC.Collect();
                var cpu = Environment.CpuUsage.TotalTime;
                var clock = Stopwatch.StartNew();
                var value = (await Peers.FetchAsync(Holder, [Key], CancellationToken.None))[0];
                rates.Add(8.0 * Length / clock.Elapsed.TotalSeconds / 1e6);
                ReaderCpu += Environment.CpuUsage.TotalTime - cpu;
                ChunkPool.Return(value); // as a worker recycles a fetched chunk it no longer needs
            }
            WorkerCpu += Cluster.WorkerProcessorTime - workersBefore;
            return rates;
        }
    }
}
