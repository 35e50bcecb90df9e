using System.Globalization;
using LazyDist.Benchmarks.SideBySide;
using LazyDist.Collections;
using LazyDist.Distributed;

namespace LazyDist.Benchmarks.Dashboard;

/// <summary>
/// What the dashboard costs the seed (<c>DistArray.Random(chunks × 1,000,000, 1,000,000, 42).Sum()</c>)
/// on two one-thread worker processes: a cluster without a dashboard against one with a dashboard,
/// first unwatched, then watched on all four pages (server-sent events, as an open browser), the
/// three taking turns, after two warm-ups each.
/// </summary>
internal static class DashboardCostRuns
{
    public static async Task Run(int repeat, int chunks, TextWriter output, TextWriter error)
    {
        await using var plain = await LocalCluster.StartAsync(new LocalClusterOptions { Workers = 2, ThreadsPerWorker = 1 });
        await using var dashed = await LocalCluster.StartAsync(new LocalClusterOptions
        {
            Workers = 2,
            ThreadsPerWorker = 1,
            Dashboard = LazyDist.Dashboard.DashboardServer.Starter(new LazyDist.Dashboard.DashboardOptions { Port = 0 }),
        });
        string url = dashed.DashboardAddress ?? throw new InvalidOperationException("the cluster started no dashboard");
        var seed = DistArray.Random((long)chunks * 1_000_000, 1_000_000, 42UL).Sum();
        for (int i = 0; i < 2; i++)
        {
            await seed.ComputeAsync(plain);
            await seed.ComputeAsync(dashed);
        }
        var none = new Runs();
        var unwatched = new Runs();
        var watched = new Runs();
        long received = 0;
        for (int r = 0; r < repeat; r++)
        {
            // The three take turns, each first a third of the time, so a drift in the machine's load falls on all.
            var order = new[] { 0, 1, 2 }.Skip(r % 3).Concat(new[] { 0, 1, 2 }.Take(r % 3));
            foreach (int variant in order)
            {
                switch (variant)
                {
                    case 0:
                        await none.TimeAsync(plain.WorkerProcessIds, () => seed.ComputeAsync(plain).AsTask());
                        break;
                    case 1:
                        await unwatched.TimeAsync(dashed.WorkerProcessIds, () => seed.ComputeAsync(dashed).AsTask());
                        break;
                    default:
                        await using (var watcher = DashboardWatcher.Attach(url))
                        {
                            await watched.TimeAsync(dashed.WorkerProcessIds, () => seed.ComputeAsync(dashed).AsTask());
                            received += watcher.Bytes;
                        }
                        break;
                }
            }
            error.WriteLine($"dashboard run {r + 1}/{repeat}");
        }
        double a = none.Wall, b = unwatched.Wall, c = watched.Wall;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=dashboard-cost scheduler=processes:2 chunks={chunks} runs={repeat} median_no_dashboard_s={Fields.F(a)} median_unwatched_s={Fields.F(b)} median_watched_s={Fields.F(c)} " +
            $"unwatched_ratio={Fields.F(b / a)} watched_ratio={Fields.F(c / a)} ok={c / a <= 1.05} " +
            $"cpu_no_dashboard_s={Fields.F(none.Cpu)} cpu_unwatched_s={Fields.F(unwatched.Cpu)} cpu_watched_s={Fields.F(watched.Cpu)} " +
            $"cpu_unwatched_ratio={Fields.F(unwatched.Cpu / none.Cpu)} cpu_watched_ratio={Fields.F(watched.Cpu / none.Cpu)} sse_bytes={received} " +
            $"no_dashboard_s={Fields.List(none.WallSeconds)} unwatched_s={Fields.List(unwatched.WallSeconds)} watched_s={Fields.List(watched.WallSeconds)} {LoadAverage.Field()}"));
        RenderCosts(dashed, output);
    }

    /// <summary>What one update of each page costs the center's process after those runs (CPU, median of 9), and its size: where a watched dashboard's time goes.</summary>
    private static void RenderCosts(LocalCluster cluster, TextWriter output)
    {
        var view = new LazyDist.Dashboard.Serving.DashboardView(cluster.Center, TimeProvider.System, TimeSpan.FromMinutes(5));
        var fields = new List<string>();
        foreach (string page in new[] { "status", "tasks", "workers", "graph" })
        {
            var samples = new List<double>();
            int size = 0;
            for (int i = 0; i < 9; i++)
            {
                var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                size = view.Render(page).Length;
                samples.Add((System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            }
            fields.Add(string.Create(CultureInfo.InvariantCulture, $"{page}_cpu_ms={Fields.F(Fields.Median(samples))} {page}_chars={size}"));
        }
        output.WriteLine($"what=dashboard-render-cost {string.Join(' ', fields)} {LoadAverage.Field()}");
    }
}
