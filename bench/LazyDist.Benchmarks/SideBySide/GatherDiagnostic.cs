using System.Diagnostics;
using System.Globalization;
using LazyDist.Distributed;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// How close the gather of 10,000 futures is to its bound: <c>Gather</c> (which fetches the values
/// asked of one worker together, one request per worker while another is in flight) against
/// fetching the same values with exactly one request per holder (<see cref="PeerPool.FetchAsync"/>
/// with all of that worker's keys, as dask's <c>gather_from_workers</c> groups them). It first
/// showed <c>Gather</c> fetching key by key at 58 µs per task. Futures of
/// <c>Submit((int v) =&gt; v + 1, i)</c> on a center in this process and two one-thread worker
/// processes (<see cref="SessionCluster"/>, whose token a separate data reader needs), every
/// future done before the gather is timed. A diagnostic of this benchmark, not a feature.
/// </summary>
internal static class GatherDiagnostic
{
    private const int Tasks = 10_000;

    /// <returns>The <c>what=submit-gather-diagnostic</c> line.</returns>
    public static string Run(int repeat, TextWriter log)
    {
        var clientGather = new List<double>();
        var batched = new List<double>();
        log.WriteLine("# submit gather diagnostic: a center and 2 worker processes (1 thread each)");
        var cluster = SessionCluster.StartAsync(2).GetAwaiter().GetResult();
        try
        {
            var client = cluster.ConnectAsync().GetAwaiter().GetResult();
            var reader = new PeerPool(cluster.Token, "bench-gather");
            try
            {
                int batch = 0;
                for (int r = 0; r <= repeat; r++) // the first round warms up
                {
                    log.WriteLine($"# submit gather diagnostic {r}/{repeat}");
                    double a = Gather(client, batch++, futures => client.Gather(futures));
                    double b = Gather(client, batch++, futures => GatherByHolder(reader, futures));
                    if (r == 0)
                        continue;
                    clientGather.Add(a);
                    batched.Add(b);
                }
            }
            finally
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
                client.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        finally
        {
            cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"what=submit-gather-diagnostic impl=lazydist tasks={Tasks} repeats={repeat} median_client_gather_us_per_task={Fields.F(PerTask(Fields.Median(clientGather)), 1)} " +
            $"median_gather_one_request_per_worker_us_per_task={Fields.F(PerTask(Fields.Median(batched)), 1)} " +
            $"client_gather_us={Fields.List(clientGather.Select(PerTask), 1)} one_request_per_worker_us={Fields.List(batched.Select(PerTask), 1)}");
    }

    /// <summary>Submits the tasks, waits until all are done, then times <paramref name="gather"/> alone.</summary>
    private static double Gather(DistributedScheduler client, int batch, Func<IReadOnlyList<Future<int>>, int[]> gather)
    {
        int first = batch * Tasks;
        var futures = Enumerable.Range(first, Tasks).Select(i => client.Submit(static (int v) => v + 1, i)).ToList();
        Task.WhenAll(futures.Select(f => f.WaitAsync())).GetAwaiter().GetResult();
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var values = gather(futures);
        double seconds = clock.Elapsed.TotalSeconds;
        foreach (var future in futures)
            future.Release();
        long sum = values.Sum(v => (long)v);
        long expected = (long)Tasks * first + (long)Tasks * (Tasks + 1) / 2;
        if (sum != expected)
            throw new InvalidOperationException($"the gather diagnostic summed {sum}, expected {expected}");
        return seconds;
    }

    /// <summary>One request per holder for all the keys it holds, the holders in parallel.</summary>
    private static int[] GatherByHolder(PeerPool reader, IReadOnlyList<Future<int>> futures)
    {
        var groups = futures.Select((f, i) => (Future: f, Index: i)).GroupBy(p => p.Future.Lease.Pending.Holders[0], StringComparer.Ordinal).ToList();
        var values = new int[futures.Count];
        var fetches = groups.Select(async g =>
        {
            var items = g.ToList();
            var fetched = await reader.FetchAsync(g.Key, [.. items.Select(p => p.Future.Key)], CancellationToken.None);
            for (int i = 0; i < items.Count; i++)
                values[items[i].Index] = (int)fetched[i]!;
        });
        Task.WhenAll(fetches).GetAwaiter().GetResult();
        return values;
    }

    private static double PerTask(double seconds) => seconds * 1e6 / Tasks;
}
