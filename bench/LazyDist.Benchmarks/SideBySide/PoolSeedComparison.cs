using System.Diagnostics;
using System.Globalization;
using LazyDist.Distributed;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// The seed through the pool with user lambdas against the same flow with built-in operations
/// (<see cref="PoolSeedFlow"/>), on one <see cref="LocalCluster"/> of two one-thread worker
/// processes, warmed up with one run of each flow (which also ships this program's assembly for
/// the lambdas, once for the session). Each run: the maps, the apply and <c>Get()</c>, timed; then
/// <c>Delete</c> and a wait until the cluster holds what it held before (timed apart). A run
/// holds 8 GB on the workers, so before each one the workers' memory is settled
/// (<see cref="WorkerMemory"/>): first with freed memory kept (runs reuse it), then returned to
/// the OS (runs page-fault their 8 GB). Flows rotate their order from repeat to repeat.
/// Target: user/built-in at most 1.5. The reference is <c>dask_seed.py dist-futures 1000</c>
/// (client.map, client.map, client.submit(sum) on dask's LocalCluster, 2 workers x 1 thread),
/// run after this cluster is stopped.
/// </summary>
internal static class PoolSeedComparison
{
    private const double Target = 1.5;

    private sealed record Measured(double Seconds, double ReleaseSeconds, long Transferred, long Gathered, long HeldAfterGet, long CommittedBefore);

    public static void Run(DaskPeer? dask, int repeat, TextWriter output, TextWriter log)
    {
        var states = Enum.GetValues<WorkerMemory.State>();
        var runs = states.ToDictionary(s => s, _ => PoolSeedFlow.All.ToDictionary(f => f.Name, _ => new List<Measured>()));
        long sessionCode, served;
        double expected = PoolSeedFlow.Expected(PoolSeedFlow.ChunkCount);
        log.WriteLine("# pool-seed: starting a local cluster (2 workers x 1 thread)");
        var cluster = LocalCluster.StartAsync(2, 1).GetAwaiter().GetResult();
        try
        {
            foreach (var (name, start) in PoolSeedFlow.All)
            {
                log.WriteLine($"# pool-seed warm-up: {name}");
                _ = Once(cluster, start, expected, WorkerMemory.State.Kept);
            }
            sessionCode = cluster.Client.CodeBytesSent;
            served = cluster.Center.CodeBytesServed;
            foreach (var state in states)
            {
                for (int r = 1; r <= repeat; r++)
                {
                    for (int f = 0; f < PoolSeedFlow.All.Length; f++)
                    {
                        var (name, start) = PoolSeedFlow.All[(f + r - 1) % PoolSeedFlow.All.Length];
                        log.WriteLine($"# pool-seed {r}/{repeat}: lazydist {name}, worker memory {state.ToString().ToLowerInvariant()}");
                        runs[state][name].Add(Once(cluster, start, expected, state));
                    }
                }
            }
        }
        finally
        {
            cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        // dask after the cluster is gone: its two workers and ours would share the 2 cores otherwise.
        var peer = new List<double>();
        for (int r = 1; dask is not null && r <= repeat; r++)
        {
            log.WriteLine($"# pool-seed {r}/{repeat}: dask dist-futures");
            peer.Add(dask.Run("dist-futures", PoolSeedFlow.ChunkCount).Seconds);
        }
        double daskSeconds = Fields.Median(peer);
        if (dask is not null)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"what=pool-seed impl=dask flow=dist-futures scheduler=dist(2x1) chunks={PoolSeedFlow.ChunkCount} repeats={peer.Count} " +
                $"median_seconds={Fields.F(daskSeconds)} seconds={Fields.List(peer)}"));
        }

        foreach (var state in states)
        {
            string memory = state.ToString().ToLowerInvariant();
            foreach (var (name, list) in runs[state])
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"what=pool-seed impl=lazydist flow={name} worker_memory={memory} scheduler=processes:2 chunks={PoolSeedFlow.ChunkCount} chunk_size={PoolSeedFlow.ChunkLength} " +
                    $"repeats={repeat} median_seconds={Fields.F(Median(list, r => r.Seconds))} seconds={Fields.List(list.Select(r => r.Seconds))} " +
                    $"median_release_seconds={Fields.F(Median(list, r => r.ReleaseSeconds))} " +
                    $"worker_transferred_bytes={Fields.List(list.Select(r => (double)r.Transferred), 0)} " +
                    $"gathered_bytes={Fields.List(list.Select(r => (double)r.Gathered), 0)} " +
                    $"held_bytes_after_get={Fields.List(list.Select(r => (double)r.HeldAfterGet), 0)} " +
                    $"worker_committed_mb_before={Fields.List(list.Select(r => r.CommittedBefore / 1e6), 0)}"));
            }
            double user = Median(runs[state]["user"], r => r.Seconds);
            double builtIn = Median(runs[state]["built-in"], r => r.Seconds);
            double linq = Median(runs[state]["user-linq"], r => r.Seconds);
            string line = string.Create(CultureInfo.InvariantCulture,
                $"what=pool-seed-ratio worker_memory={memory} lazydist=user vs=built-in seconds_ratio={Fields.F(user / builtIn)} target<={Fields.F(Target, 1)} " +
                $"ok={(user / builtIn <= Target ? "true" : "false")} user_linq_vs_built_in_ratio={Fields.F(linq / builtIn)} session_code_bytes_sent={sessionCode} center_code_bytes_served={served}");
            if (dask is not null)
                line += string.Create(CultureInfo.InvariantCulture, $" user_vs_dask_dist_futures={Fields.F(user / daskSeconds, 4)} built_in_vs_dask_dist_futures={Fields.F(builtIn / daskSeconds, 4)}");
            output.WriteLine(line);
        }
    }

    private static double Median(List<Measured> runs, Func<Measured, double> field) => Fields.Median(runs.Select(field));

    private static Measured Once(LocalCluster cluster, Func<Pool, int, PoolSeedFlow.Handles> start, double expected, WorkerMemory.State state)
    {
        long committed = WorkerMemory.Settle(cluster, state);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var client = cluster.Client;
        var before = client.GetStatisticsAsync().GetAwaiter().GetResult();
        long gathered = client.GatheredBytes;
        var clock = Stopwatch.StartNew();
        var handles = start(cluster.Client.Pool, PoolSeedFlow.ChunkCount);
        double total = handles.Total.Get();
        double seconds = clock.Elapsed.TotalSeconds;
        gathered = client.GatheredBytes - gathered;
        var held = client.GetStatisticsAsync().GetAwaiter().GetResult();
        if (Math.Abs(total - expected) > 1e-9 * Math.Abs(expected))
            throw new InvalidOperationException($"the pool seed computed {total}, expected {expected}");
        clock.Restart();
        handles.Delete(cluster.Client.Pool);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (client.GetStatisticsAsync(cancellationToken: limit.Token).GetAwaiter().GetResult().HeldBytes > before.HeldBytes)
            Thread.Sleep(10);
        return new Measured(seconds, clock.Elapsed.TotalSeconds, held.TransferredBytes - before.TransferredBytes, gathered, held.HeldBytes - before.HeldBytes, committed);
    }
}
