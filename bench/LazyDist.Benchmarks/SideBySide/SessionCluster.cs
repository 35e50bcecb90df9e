using System.Diagnostics;
using LazyDist.Distributed;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// A center in this process and worker processes started as a <see cref="LocalCluster"/> starts
/// them, with a token this program knows, so that it can connect client after client (one code
/// session each) with <see cref="DistributedScheduler.ConnectAsync(string, string?, CancellationToken)"/> and read the center's code
/// counters between them. A <see cref="LocalCluster"/> keeps its token to itself.
/// </summary>
internal sealed class SessionCluster : IAsyncDisposable
{
    private readonly List<Process> _workers;

    private SessionCluster(string token, CenterHost center, List<Process> workers, TlsOptions? tls)
    {
        Token = token;
        Center = center;
        _workers = workers;
        Tls = tls;
    }

    /// <summary>The TLS every connection uses; null for plain TCP.</summary>
    public TlsOptions? Tls { get; }

    /// <summary>The cluster's token, which clients present.</summary>
    public string Token { get; }

    /// <summary>The center, for its counters.</summary>
    public CenterHost Center { get; }

    /// <summary>The number of worker processes.</summary>
    public int Workers => _workers.Count;

    /// <summary>The CPU time the worker processes have used so far (in the kernel's ticks of 10 ms).</summary>
    public TimeSpan WorkerProcessorTime
    {
        get
        {
            var total = TimeSpan.Zero;
            foreach (var process in _workers)
            {
                process.Refresh();
                total += process.TotalProcessorTime;
            }
            return total;
        }
    }

    /// <exception cref="TimeoutException">The workers did not join within a minute.</exception>
    public static async Task<SessionCluster> StartAsync(int workers, TlsOptions? tls = null)
    {
        string token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var center = await CenterHost.StartAsync(new CenterOptions { Port = 0, Token = token, Tls = tls });
        var processes = new List<Process>();
        for (int i = 0; i < workers; i++)
        {
            var process = WorkerProcess.Start(center.Address, token, 1, $"bench-session-worker-{i}", WorkerProcess.Arguments(tls, null));
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            processes.Add(process);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await center.WaitForWorkersAsync(workers, timeout.Token);
        return new SessionCluster(token, center, processes, tls);
    }

    /// <summary>A new client: a code session of its own.</summary>
    public Task<DistributedScheduler> ConnectAsync() => DistributedScheduler.ConnectAsync(Center.Address, Token, Tls);

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _workers)
        {
            process.StandardInput.Close(); // the worker's cue to stop
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
                process.Kill(entireProcessTree: true);
            process.Dispose();
        }
        await Center.DisposeAsync();
    }
}
