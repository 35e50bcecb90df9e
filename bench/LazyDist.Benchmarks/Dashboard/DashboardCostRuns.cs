using System.Globalization;
using LazyDist.Benchmarks.SideBySide;
using LazyDist.Collections;
using LazyDist.Dashboard.Serving;
using LazyDist.Distributed;

namespace LazyDist.Benchmarks.Dashboard;

/// <summary>
/// What the dashboard costs the seed (<c>DistArray.Random(chunks × 1,000,000, 1,000,000, 42).Sum()</c>)
/// on two one-thread worker processes: a cluster without a dashboard against one with a dashboard that
/// nobody watches, and one watched. Watched means a headless Chromium process opened on the dashboard
/// before the run (<see cref="BrowserWatcher"/>): one tab on one page (each page in turn), or four tabs,
/// one per page; and, as before, four server-sent-event streams read by HttpClient inside this process
/// (<see cref="DashboardWatcher"/>). The variants take turns, after warm-ups of each that make the
/// dashboard's code as hot as a center's that has been watched for a while.
/// </summary>
internal static class DashboardCostRuns
{
    private static readonly string[] Pages = ["status", "tasks", "workers", "graph"];

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
        var variants = new List<Variant>
        {
            new("none", run => run.TimeAsync(plain.WorkerProcessIds, () => seed.ComputeAsync(plain).AsTask())),
            new("unwatched", run => run.TimeAsync(dashed.WorkerProcessIds, () => seed.ComputeAsync(dashed).AsTask())),
            new("httpclient:all", async run =>
            {
                await using var watcher = DashboardWatcher.Attach(url);
                await run.TimeAsync(dashed.WorkerProcessIds, () => seed.ComputeAsync(dashed).AsTask());
                run.Received += watcher.Bytes;
            }),
        };
        if (BrowserWatcher.Installed)
        {
            foreach (string page in Pages)
                variants.Add(Browser($"browser:{page}", [page]));
            variants.Add(Browser("browser:all", Pages));
        }
        else
        {
            error.WriteLine("dashboard: /usr/bin/chromium is not installed (apt-get install -y chromium): measuring without a browser");
        }

        Variant Browser(string name, string[] pages) => new(name, async run =>
        {
            await using var browser = await BrowserWatcher.StartAsync(url, pages);
            await run.TimeAsync(dashed.WorkerProcessIds, () => seed.ComputeAsync(dashed).AsTask(), () => browser.CpuSeconds);
        });

        // Warm-ups: each variant twice, then every page rendered and encoded often enough for the JIT's
        // second tier, and a pause for the JIT's background thread, so no variant pays for first calls.
        for (int i = 0; i < 2; i++)
        {
            foreach (var variant in variants)
                await variant.Measure(new Runs());
        }
        var view = new DashboardView(dashed.Center, TimeProvider.System, TimeSpan.FromMinutes(5));
        for (int i = 0; i < 100; i++)
        {
            var feed = new PageFeed(view, TimeSpan.Zero, TimeProvider.System);
            foreach (string page in Pages)
                feed.Latest(page);
        }
        await Task.Delay(TimeSpan.FromSeconds(2));

        for (int r = 0; r < repeat; r++)
        {
            // The variants take turns, each first as often as the others, so a drift in the machine's load falls on all.
            for (int v = 0; v < variants.Count; v++)
            {
                var variant = variants[(v + r) % variants.Count];
                await variant.Measure(variant.Runs);
            }
            error.WriteLine($"dashboard run {r + 1}/{repeat}");
        }
        var none = variants[0].Runs;
        output.WriteLine($"what=dashboard-cost-threads watcher=none top_threads_ms={none.TopThreads(8)} {LoadAverage.Field()}");
        foreach (var variant in variants.Skip(1))
        {
            var runs = variant.Runs;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"what=dashboard-cost scheduler=processes:2 chunks={chunks} runs={repeat} watcher={variant.Name} median_no_dashboard_s={Fields.F(none.Wall)} median_s={Fields.F(runs.Wall)} " +
                $"ratio={Fields.F(runs.Wall / none.Wall)} ok={runs.Wall / none.Wall <= 1.05} " +
                $"cpu_no_dashboard_s={Fields.F(none.Cpu)} cpu_s={Fields.F(runs.Cpu)} cpu_ratio={Fields.F(runs.Cpu / none.Cpu)} browser_cpu_s={Fields.F(runs.OtherCpu)} sse_bytes={runs.Received} " +
                $"no_dashboard_s={Fields.List(none.WallSeconds)} runs_s={Fields.List(runs.WallSeconds)} cpu_runs_s={Fields.List(runs.CpuSeconds)} top_threads_ms={runs.TopThreads(8)} {LoadAverage.Field()}"));
        }
        RenderCosts(dashed, output);
    }

    /// <summary>What one update of each page costs the center's process after those runs (CPU, median of 9), and its size: where a watched dashboard's time goes.</summary>
    private static void RenderCosts(LocalCluster cluster, TextWriter output)
    {
        var view = new DashboardView(cluster.Center, TimeProvider.System, TimeSpan.FromMinutes(5));
        var fields = new List<string>();
        foreach (string page in Pages)
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

    /// <summary>One way of running the seed, and its measured runs.</summary>
    private sealed class Variant(string name, Func<Runs, Task> measure)
    {
        public string Name => name;

        public Runs Runs { get; } = new();

        public Task Measure(Runs runs) => measure(runs);
    }
}
