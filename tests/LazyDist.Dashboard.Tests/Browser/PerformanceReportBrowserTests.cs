using LazyDist.Dashboard.Tests.Reports;
using LazyDist.Distributed;
using Microsoft.Playwright;

namespace LazyDist.Dashboard.Tests.Browser;

/// <summary>A performance report opened from disk in Debian's headless Chromium with script off: it draws, fetches nothing, and its screenshot is attached.</summary>
[TestFixture]
public sealed class PerformanceReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Test, CancelAfter(240_000)]
    public async Task Report_OpenedFromDiskWithoutScript_DrawsEverySectionAndFetchesNothingElse(CancellationToken cancellationToken)
    {
        if (!File.Exists(Chromium))
            Assert.Ignore($"{Chromium} is not installed (apt-get install -y chromium; .ci/run installs it)");
        await using var cluster = await WatchedCluster.StartAsync(cancellationToken: cancellationToken);
        var (graph, total) = WatchedCluster.IncGraph(16);
        string path = PerformanceReportTests.ReportPath("browser");
        await cluster.Client.PerformanceReportAsync(path, async () => await cluster.Client.ComputeAsync(graph, [total], cancellationToken), cancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(90), cancellationToken);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 1100, Height = 800 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await page.WaitForSelectorAsync("svg.task-stream rect.run");
        string shot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "dashboard-screenshots", "performance-report.png");
        Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        TestContext.AddTestAttachment(shot, "a performance report in Chromium");

        int runs = await page.Locator("svg.task-stream rect.run").CountAsync();
        int incRows = await page.Locator("table.prefixes tr.prefix[data-prefix='inc'][data-count='16']").CountAsync();
        int workerRows = await page.Locator("table.transfers tr.worker").CountAsync();
        var headings = await page.Locator("h2").AllTextContentsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(runs, Is.EqualTo(17));
            Assert.That(incRows, Is.EqualTo(1));
            Assert.That(workerRows, Is.EqualTo(2));
            Assert.That(headings, Is.EqualTo(new[] { "Task stream", "Durations per key group", "Transfers", "Worker memory" }));
            Assert.That(requested, Is.EqualTo(new[] { new Uri(path).AbsoluteUri }), "the file itself and nothing else");
        });
    }
}
