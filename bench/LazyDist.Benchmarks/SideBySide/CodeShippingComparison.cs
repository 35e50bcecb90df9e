using System.Diagnostics;
using System.Globalization;
using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// What shipping a 1 MB user assembly (<see cref="EmittedUserAssembly"/>) costs, on a center in this
/// process and two one-thread worker processes (<see cref="SessionCluster"/>), after a warm-up
/// session with another such assembly. Successive sessions — a new client each, disposed after —
/// each run two computations of <see cref="Tasks"/> tasks calling the assembly's static method:
/// the first (cold: the client offers and uploads the assembly, workers fetch it from the center
/// and load it into the session's load context) and a repeat (warm). Two variants: the same
/// assembly in every session (workers keep its bytes: it should cross to each worker once in
/// all), and a different build in each session (once per worker per session). Reports the
/// center's counters (bytes received from clients, bytes served to workers), the client's upload,
/// transfers per worker per session (served bytes / assembly bytes / workers; target at most 1)
/// and the medians of the cold and warm computations. LazyDist only.
/// </summary>
internal static class CodeShippingComparison
{
    private const int Tasks = 20;
    private const int MinSessions = 3;
    private const int Workers = 2;

    private sealed record Session(double ColdSeconds, double WarmSeconds, long Uploaded, long Received, long Served, int WorkersUsed);

    public static void Run(int repeat, TextWriter output, TextWriter log)
    {
        int sessions = Math.Max(MinSessions, repeat);
        log.WriteLine($"# code-shipping: starting a center and {Workers} worker processes (1 thread each)");
        var cluster = SessionCluster.StartAsync(Workers).GetAwaiter().GetResult();
        try
        {
            log.WriteLine("# code-shipping warm-up: one session with another 1 MB assembly");
            _ = RunSession(cluster, EmittedUserAssembly.Create("LazyDist.Bench.WarmUp", 7, padSeed: 0));
            var same = EmittedUserAssembly.Create("LazyDist.Bench.Shipped", 1, padSeed: 1);
            var sameRuns = new List<Session>();
            for (int s = 1; s <= sessions; s++)
            {
                log.WriteLine($"# code-shipping {s}/{sessions}: same assembly, new session");
                sameRuns.Add(RunSession(cluster, same));
            }
            output.WriteLine(Line("same-assembly", same.Bytes, sameRuns, cluster.Workers));
            var freshRuns = new List<Session>();
            int freshBytes = 0;
            for (int s = 1; s <= sessions; s++)
            {
                log.WriteLine($"# code-shipping {s}/{sessions}: a new build per session");
                var fresh = EmittedUserAssembly.Create("LazyDist.Bench.Rebuilt", s, padSeed: 100 + s);
                freshBytes = fresh.Bytes;
                freshRuns.Add(RunSession(cluster, fresh));
            }
            output.WriteLine(Line("new-build-per-session", freshBytes, freshRuns, cluster.Workers));
        }
        finally
        {
            cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static string Line(string variant, int assemblyBytes, List<Session> runs, int workers)
    {
        var transfers = runs.Select(r => (double)r.Served / assemblyBytes / workers).ToList();
        double total = runs.Sum(r => (double)r.Served) / assemblyBytes / workers;
        return string.Create(CultureInfo.InvariantCulture,
            $"what=code-shipping impl=lazydist variant={variant} workers={workers} sessions={runs.Count} tasks_per_computation={Tasks} assembly_bytes={assemblyBytes} " +
            $"client_upload_bytes={Fields.List(runs.Select(r => (double)r.Uploaded), 0)} center_received_bytes={Fields.List(runs.Select(r => (double)r.Received), 0)} " +
            $"center_served_bytes={Fields.List(runs.Select(r => (double)r.Served), 0)} workers_used={Fields.List(runs.Select(r => (double)r.WorkersUsed), 0)} " +
            $"transfers_per_worker_per_session={Fields.List(transfers, 2)} max_transfers_per_worker_per_session={Fields.F(transfers.Max(), 2)} " +
            $"transfers_per_worker_all_sessions={Fields.F(total, 2)} target<=1 ok={(transfers.Max() <= 1 ? "true" : "false")} " +
            $"median_cold_ms={Fields.F(1000 * Fields.Median(runs.Select(r => r.ColdSeconds)), 1)} median_warm_ms={Fields.F(1000 * Fields.Median(runs.Select(r => r.WarmSeconds)), 1)} " +
            $"cold_ms={Fields.List(runs.Select(r => 1000 * r.ColdSeconds), 1)} warm_ms={Fields.List(runs.Select(r => 1000 * r.WarmSeconds), 1)}");
    }

    private static Session RunSession(SessionCluster cluster, EmittedUserAssembly assembly)
    {
        long received = cluster.Center.CodeBytesReceived;
        long served = cluster.Center.CodeBytesServed;
        var client = cluster.ConnectAsync().GetAwaiter().GetResult();
        try
        {
            var (cold, coldWorkers) = Compute(client, assembly.Apply, 0);
            var (warm, warmWorkers) = Compute(client, assembly.Apply, Tasks);
            return new Session(cold, warm, client.CodeBytesSent, cluster.Center.CodeBytesReceived - received,
                cluster.Center.CodeBytesServed - served, Math.Max(coldWorkers, warmWorkers));
        }
        finally
        {
            client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// <see cref="Tasks"/> tasks <c>apply(first + i)</c> kept on the cluster until all are done (to see
    /// which workers ran them), then gathered and released: the time of it all, and the workers used.
    /// </summary>
    private static (double Seconds, int Workers) Compute(DistributedScheduler client, Func<int, int> apply, int first)
    {
        var graph = new TaskGraph(Tasks);
        var keys = new TaskKey[Tasks];
        string name = $"apply-{Guid.NewGuid():N}";
        for (int i = 0; i < Tasks; i++)
        {
            keys[i] = new TaskKey(name, i);
            graph[keys[i]] = TaskNode.Call(apply, first + i);
        }
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var futures = client.Persist(graph, keys);
        var values = client.Gather(futures);
        double seconds = clock.Elapsed.TotalSeconds;
        int workers = futures.SelectMany(f => f.Lease.Pending.Holders).Distinct(StringComparer.Ordinal).Count();
        foreach (var future in futures)
            future.Release();
        for (int i = 0; i < Tasks; i++)
        {
            if (values[i] is not int v || v != apply(first + i))
                throw new InvalidOperationException($"task {keys[i]} computed {values[i]}, expected {apply(first + i)}");
        }
        return (seconds, workers);
    }
}
