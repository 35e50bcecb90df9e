namespace LazyDist.Benchmarks.Dashboard;

/// <summary>A browser's worth of watching: one server-sent-event stream per dashboard page, read to the end until disposed.</summary>
internal sealed class DashboardWatcher : IAsyncDisposable
{
    private static readonly string[] Pages = ["status", "tasks", "workers", "graph"];
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _readers = [];
    private long _bytes;

    /// <summary>Update bytes received from all pages so far.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Attaches to every page of the dashboard at <paramref name="url"/> (its printed address: <c>http://host:port/status[?token=…]</c>).</summary>
    public static DashboardWatcher Attach(string url)
    {
        var watcher = new DashboardWatcher();
        var uri = new Uri(url);
        string root = uri.GetLeftPart(UriPartial.Authority) + "/";
        foreach (string page in Pages)
            watcher._readers.Add(watcher.ReadAsync(new Uri($"{root}events/{page}{uri.Query}")));
        return watcher;
    }

    private async Task ReadAsync(Uri events)
    {
        try
        {
            using var response = await _http.GetAsync(events, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync(_stop.Token);
            var buffer = new byte[64 << 10];
            int read;
            while ((read = await stream.ReadAsync(buffer, _stop.Token)) > 0)
                Interlocked.Add(ref _bytes, read);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Detached.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_readers);
        _http.Dispose();
        _stop.Dispose();
    }
}
