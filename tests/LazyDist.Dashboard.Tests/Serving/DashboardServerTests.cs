using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace LazyDist.Dashboard.Tests.Serving;

[TestFixture]
public sealed class DashboardServerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Test, CancelAfter(120_000)]
    public async Task ApiStatus_AfterComputation_CountsEveryTaskOfEachPrefixAsDone(CancellationToken cancellationToken)
    {
        await using var cluster = await WatchedCluster.StartAsync(cancellationToken: cancellationToken);
        var (graph, total) = WatchedCluster.IncGraph(12);
        var result = await cluster.Client.ComputeAsync(graph, [total], cancellationToken).AsTask().WaitAsync(Bound, cancellationToken);
        Assert.That(result[0], Is.EqualTo(Enumerable.Range(1, 12).Sum(i => (long)i)));
        using var http = new HttpClient { BaseAddress = new Uri(cluster.Dashboard.BaseAddress) };
        using var json = JsonDocument.Parse(await http.GetStringAsync("api/status", cancellationToken));
        var prefixes = json.RootElement.GetProperty("prefixes").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => (p.GetProperty("done").GetInt32(), p.GetProperty("total").GetInt32(), p.GetProperty("finished").GetInt64()));
        Assert.That(prefixes, Is.EquivalentTo(new Dictionary<string, (int, int, long)> { ["inc"] = (12, 12, 12), ["total"] = (1, 1, 1) }));
        Assert.That(json.RootElement.GetProperty("workers").GetArrayLength(), Is.EqualTo(2));
    }

    [Test, CancelAfter(120_000)]
    public async Task Metrics_AfterComputation_PrometheusTextWithTasksByStateAndWorkers(CancellationToken cancellationToken)
    {
        await using var cluster = await WatchedCluster.StartAsync(cancellationToken: cancellationToken);
        var (graph, total) = WatchedCluster.IncGraph(5);
        await cluster.Client.ComputeAsync(graph, [total], cancellationToken).AsTask().WaitAsync(Bound, cancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(cluster.Dashboard.BaseAddress) };
        using var response = await http.GetAsync("metrics", cancellationToken);
        string text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(text, Does.Contain("# TYPE lazydist_tasks gauge"));
            Assert.That(text, Does.Contain("lazydist_tasks{prefix=\"inc\",state=\"forgotten\"} 5"));
            Assert.That(text, Does.Contain("lazydist_workers 2"));
            Assert.That(text, Does.Contain("lazydist_completed_tasks_total 6"));
        });
    }

    [Test, CancelAfter(120_000)]
    public async Task Token_Missing_401_QueryTokenSetsACookie_BearerAccepted(CancellationToken cancellationToken)
    {
        await using var cluster = await WatchedCluster.StartAsync(token: "s3cret-dashboard", workers: 1, cancellationToken: cancellationToken);
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(cluster.Dashboard.BaseAddress) };
        using var refused = await http.GetAsync("api/status", cancellationToken);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await refused.Content.ReadAsStringAsync(cancellationToken), Does.Contain("token"));
        using var wrong = await http.GetAsync("api/status?token=nope", cancellationToken);
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        using var first = await http.GetAsync(new Uri(cluster.Dashboard.Url), cancellationToken);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the URL the dashboard gives carries the token");
        using var withCookie = await http.GetAsync("workers", cancellationToken);
        Assert.That(withCookie.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the cookie set by ?token= lets later requests in");

        using var bearer = new HttpClient { BaseAddress = new Uri(cluster.Dashboard.BaseAddress) };
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-dashboard");
        using var api = await bearer.GetAsync("api/workers", cancellationToken);
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test, CancelAfter(120_000)]
    public async Task Events_Status_SendsTheRenderedPageAsAnUpdate(CancellationToken cancellationToken)
    {
        await using var cluster = await WatchedCluster.StartAsync(workers: 1, cancellationToken: cancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(cluster.Dashboard.BaseAddress) };
        using var response = await http.GetAsync("events/status", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        Assert.That(await reader.ReadLineAsync(cancellationToken), Is.EqualTo("event: update"));
        string? data = await reader.ReadLineAsync(cancellationToken);
        Assert.That(data, Does.StartWith("data: ").And.Contain("id=\"workers\" data-count=\"1\""));
    }

    [Test, CancelAfter(120_000)]
    public async Task Page_Unknown_404NamesThePages(CancellationToken cancellationToken)
    {
        await using var cluster = await WatchedCluster.StartAsync(workers: 1, cancellationToken: cancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(cluster.Dashboard.BaseAddress) };
        using var response = await http.GetAsync("nope", cancellationToken);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(cancellationToken), Does.Contain("status, tasks, workers, graph"));
    }

    [Test, CancelAfter(120_000)]
    public async Task Start_PortInUse_IOExceptionNamesThePort(CancellationToken cancellationToken)
    {
        await using var cluster = await WatchedCluster.StartAsync(workers: 1, cancellationToken: cancellationToken);
        int taken = new Uri(cluster.Dashboard.BaseAddress).Port;
        var ex = Assert.ThrowsAsync<IOException>(() => DashboardServer.StartAsync(cluster.Center, new DashboardOptions { Port = taken }));
        Assert.That(ex!.Message, Does.Contain($"port {taken}").And.Contain("already in use"));
    }

    [Test]
    public void Start_NonLoopbackWithoutToken_Refused()
    {
        var ex = Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var center = await Distributed.CenterHost.StartAsync(new Distributed.CenterOptions { Port = 0 });
            await DashboardServer.StartAsync(center, new DashboardOptions { Host = "0.0.0.0", Port = 0 });
        });
        Assert.That(ex!.Message, Does.Contain("needs a token"));
    }
}
