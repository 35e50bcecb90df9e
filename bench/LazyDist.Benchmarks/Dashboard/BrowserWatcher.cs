using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;

namespace LazyDist.Benchmarks.Dashboard;

/// <summary>
/// What a user watching the dashboard runs: a headless Chromium process (Debian's <c>/usr/bin/chromium</c>,
/// a new empty profile) with one tab per given page, each live (its server-sent-event stream open and its
/// first update shown) and the browser idle before <see cref="StartAsync"/> returns. The browser is its own process tree, as a
/// user's is; disposing it kills that tree.
/// </summary>
internal sealed class BrowserWatcher : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly Process _browser;
    private readonly string _profile;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _said = new();

    private BrowserWatcher(Process browser, string profile)
    {
        _browser = browser;
        _profile = profile;
    }

    /// <summary>Whether the browser this bench drives is installed.</summary>
    public static bool Installed => File.Exists(Chromium);

    /// <summary>CPU seconds used so far by the browser's processes (its root and every process under it).</summary>
    public double CpuSeconds => ProcessTree.CpuSeconds(_browser.Id);

    /// <summary>Starts the browser on <paramref name="pages"/> of the dashboard at <paramref name="url"/> (its printed address) and waits until every tab is live.</summary>
    /// <exception cref="TimeoutException">A tab did not go live, or the browser did not settle, within two minutes.</exception>
    public static async Task<BrowserWatcher> StartAsync(string url, IReadOnlyList<string> pages)
    {
        var uri = new Uri(url);
        string root = uri.GetLeftPart(UriPartial.Authority) + "/";
        string profile = Directory.CreateTempSubdirectory("lazydist-bench-chromium-").FullName;
        var start = new ProcessStartInfo(Chromium)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (string flag in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--remote-debugging-port=0", $"--user-data-dir={profile}",
                 })
            start.ArgumentList.Add(flag);
        start.ArgumentList.Add($"{root}{pages[0]}{uri.Query}"); // headless Chromium takes one address; the other tabs open through DevTools

        var browser = Process.Start(start) ?? throw new InvalidOperationException($"{Chromium} did not start");
        var watcher = new BrowserWatcher(browser, profile);
        browser.OutputDataReceived += (_, line) => watcher.Heard(line.Data);
        browser.ErrorDataReceived += (_, line) => watcher.Heard(line.Data);
        browser.BeginOutputReadLine();
        browser.BeginErrorReadLine();
        try
        {
            using var patience = new CancellationTokenSource(Patience);
            await watcher.WaitLiveAsync(pages.Skip(1).Select(p => $"{root}{p}{uri.Query}").ToList(), patience.Token);
            await watcher.SettleAsync(patience.Token);
            return watcher;
        }
        catch (OperationCanceledException)
        {
            await watcher.DisposeAsync();
            throw new TimeoutException($"headless Chromium did not show {pages.Count} live dashboard page(s) of {root} and go idle within {Patience.TotalSeconds:F0} s");
        }
        catch
        {
            await watcher.DisposeAsync();
            throw;
        }
    }

    /// <summary>Keeps the browser's last lines of output, for the message when it fails.</summary>
    private void Heard(string? line)
    {
        if (line is null)
            return;
        _said.Enqueue(line);
        while (_said.Count > 5)
            _said.TryDequeue(out _);
    }

    /// <summary>Opens a tab on each of <paramref name="more"/>, then waits until every page tab's state line says <c>live</c> (the page's script sets it on the first update it receives).</summary>
    private async Task WaitLiveAsync(List<string> more, CancellationToken cancel)
    {
        int port = await DevToolsPortAsync(cancel);
        using var http = new HttpClient();
        foreach (string address in more)
            (await http.PutAsync(new Uri($"http://127.0.0.1:{port}/json/new?{address}"), null, cancel)).EnsureSuccessStatusCode();
        int tabs = more.Count + 1;
        var live = new HashSet<string>(StringComparer.Ordinal);
        while (live.Count < tabs)
        {
            using var list = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"), cancel));
            foreach (var target in list.RootElement.EnumerateArray())
            {
                if (target.GetProperty("type").GetString() != "page" || !target.TryGetProperty("webSocketDebuggerUrl", out var socket))
                    continue;
                string id = target.GetProperty("id").GetString()!;
                if (!live.Contains(id) && await EvaluateAsync(socket.GetString()!, "document.getElementById('state')?.textContent ?? ''", cancel) == "live")
                    live.Add(id);
            }
            if (live.Count < tabs)
                await Task.Delay(100, cancel);
        }
    }

    /// <summary>
    /// Waits until the browser is idle (at most 2 CPU ticks, 20 ms, in half a second), as a browser that has been open a
    /// while is: a just-started Chromium spends a second or more of CPU on its own start-up after the pages show.
    /// </summary>
    private async Task SettleAsync(CancellationToken cancel)
    {
        double before = CpuSeconds;
        while (true)
        {
            await Task.Delay(500, cancel);
            double now = CpuSeconds;
            if (now - before <= 0.02)
                return;
            before = now;
        }
    }

    /// <summary>The DevTools port the browser chose: the first line of <c>DevToolsActivePort</c> in its profile, once written.</summary>
    private async Task<int> DevToolsPortAsync(CancellationToken cancel)
    {
        string file = Path.Combine(_profile, "DevToolsActivePort");
        while (true)
        {
            if (_browser.HasExited)
                throw new InvalidOperationException($"{Chromium} exited with code {_browser.ExitCode} before it opened the dashboard; it said: {string.Join(" | ", _said)}");
            if (File.Exists(file) && File.ReadAllLines(file) is [var line, ..] && int.TryParse(line, CultureInfo.InvariantCulture, out int port))
                return port;
            await Task.Delay(100, cancel);
        }
    }

    /// <summary>One DevTools <c>Runtime.evaluate</c> of <paramref name="expression"/> in a tab, its string value.</summary>
    private static async Task<string?> EvaluateAsync(string socketUrl, string expression, CancellationToken cancel)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(socketUrl), cancel);
        var request = JsonSerializer.SerializeToUtf8Bytes(new { id = 1, method = "Runtime.evaluate", @params = new { expression, returnByValue = true } });
        await socket.SendAsync(request, WebSocketMessageType.Text, endOfMessage: true, cancel);
        var reply = new MemoryStream();
        var buffer = new byte[16 << 10];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancel);
            reply.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
                continue;
            using var message = JsonDocument.Parse(reply.ToArray());
            reply.SetLength(0);
            if (!message.RootElement.TryGetProperty("id", out var id) || id.GetInt32() != 1)
                continue; // an event, not the answer
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", cancel);
            return message.RootElement.TryGetProperty("result", out var result) && result.TryGetProperty("result", out var value) && value.TryGetProperty("value", out var text)
                ? text.ToString()
                : null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_browser.HasExited)
            _browser.Kill(entireProcessTree: true);
        await _browser.WaitForExitAsync();
        _browser.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A browser child still closing its files: the temporary folder stays.
        }
    }
}
