using LazyDist.Collections;
using LazyDist.Graph;
using LazyDist.Schedulers.Tests.Conformance;
using Microsoft.Playwright;

namespace LazyDist.Dashboard.Tests.Browser;

/// <summary>
/// The dashboard in a real browser: Debian's headless Chromium driven by Playwright, against a
/// center with two workers. Every wait is on a DOM condition with a bound, never a sleep; a
/// screenshot of each page is attached to the test's results.
/// </summary>
[TestFixture]
public sealed class DashboardBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const float Wait = 60_000; // ms: generous, the machine is shared

    [Test, CancelAfter(240_000)]
    public async Task Pages_DuringAndAfterComputations_ShowPrefixesWorkersAndLiveUpdates(CancellationToken cancellationToken)
    {
        if (!File.Exists(Chromium))
            Assert.Ignore($"{Chromium} is not installed (apt-get install -y chromium; .ci/run installs it)");
        await using var cluster = await WatchedCluster.StartAsync(token: "browser-token", cancellationToken: cancellationToken);
        var (graph, total) = WatchedCluster.IncGraph(12);
        await cluster.Client.ComputeAsync(graph, [total], cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 640 } });
        page.SetDefaultTimeout(Wait);

        // Status: the computation's prefixes with their task counts (the URL carries the token; a cookie keeps it).
        await page.GotoAsync(cluster.Dashboard.Url);
        await page.WaitForSelectorAsync("g.prefix[data-prefix='inc'][data-done='12'][data-total='12']");
        await page.WaitForSelectorAsync("g.prefix[data-prefix='total'][data-done='1'][data-total='1']");
        Assert.That(await page.Locator("g.prefix").CountAsync(), Is.EqualTo(2));
        await ScreenshotAsync(page, "status-done");

        // Workers: both, by name.
        await page.GotoAsync(cluster.Dashboard.BaseAddress + "workers");
        await page.WaitForSelectorAsync("tr.worker[data-name='dash-worker-1']");
        Assert.That(await page.Locator("tr.worker").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.name)"), Is.EqualTo(new[] { "dash-worker-0", "dash-worker-1" }));
        await ScreenshotAsync(page, "workers");

        // Live: the status page, loaded before a longer computation starts, follows it without a reload.
        await page.GotoAsync(cluster.Dashboard.BaseAddress + "status");
        await page.WaitForFunctionAsync("() => Number(document.getElementById('content').dataset.updates) >= 1");
        using var gate = new TcpGate();
        int port = gate.Port;
        var longer = new TaskGraph { ["gated"] = TaskNode.Call((int p) => TcpGate.Pass(p, 1L), port) };
        for (int i = 0; i < 20; i++)
            longer[("step", i)] = new TaskNode(ArrayOperations.Increment, (long)i);
        longer["after"] = new TaskNode(ArrayOperations.SumScalars, ArgList.OfRefs([.. Enumerable.Range(0, 20).Select(i => (TaskKey)("step", i)), "gated"]));
        var running = cluster.Client.ComputeAsync(longer, ["after"], cancellationToken).AsTask();
        await gate.ReachedAsync(cancellationToken);
        await page.WaitForSelectorAsync("g.prefix[data-prefix='gated'][data-processing='1']");
        await page.WaitForSelectorAsync("g.prefix[data-prefix='step'][data-done='20']");
        await page.WaitForSelectorAsync("g.prefix[data-prefix='after'][data-done='0'][data-total='1']");
        await ScreenshotAsync(page, "status-running");
        await page.GotoAsync(cluster.Dashboard.BaseAddress + "graph");
        await page.WaitForSelectorAsync("g.group[data-prefix='after']");
        await ScreenshotAsync(page, "graph-running");
        gate.Open();
        var result = await running.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        Assert.That(result[0], Is.EqualTo(Enumerable.Range(1, 20).Sum(i => (long)i) + 1));
        await page.GotoAsync(cluster.Dashboard.BaseAddress + "status");
        await page.WaitForSelectorAsync("g.prefix[data-prefix='after'][data-done='1']");

        // Task stream: a row per worker thread, a bar per run.
        await page.GotoAsync(cluster.Dashboard.BaseAddress + "tasks");
        await page.WaitForSelectorAsync("svg.task-stream rect.run");
        Assert.That(await page.Locator("svg.task-stream text.row").CountAsync(), Is.LessThanOrEqualTo(cluster.Center.Snapshot().Threads).And.AtLeast(2),
            "one row per worker thread that ran a task: both workers ran some");
        await ScreenshotAsync(page, "task-stream");
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        string path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "dashboard-screenshots", $"{name}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, $"the dashboard's {name} page");
    }
}
