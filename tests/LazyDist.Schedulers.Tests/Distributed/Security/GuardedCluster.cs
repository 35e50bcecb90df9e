using LazyDist.Collections;
using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Security;

/// <summary>A center and one worker in this process, on loopback with port 0, logging to a <see cref="RecordingLog"/>.</summary>
internal sealed class GuardedCluster : IAsyncDisposable
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private GuardedCluster(CenterHost center, WorkerHost worker, DistributedScheduler client, RecordingLog log)
    {
        Center = center;
        Worker = worker;
        Client = client;
        Log = log;
    }

    public CenterHost Center { get; }

    public WorkerHost Worker { get; }

    public DistributedScheduler Client { get; }

    public RecordingLog Log { get; }

    public string Token { get; private init; } = "";

    public static async Task<GuardedCluster> StartAsync(string token = "s3cret", TlsOptions? tls = null, TlsOptions? workerTls = null, TlsOptions? clientTls = null)
    {
        var log = new RecordingLog();
        var center = await CenterHost.StartAsync(new CenterOptions { Port = 0, Token = token, Tls = tls, ValidateState = true }, log);
        var worker = await WorkerHost.StartAsync(new WorkerOptions { CenterAddress = center.Address, Token = token, Threads = 1, Name = "guarded-worker", Tls = workerTls ?? tls }, log);
        await center.WaitForWorkersAsync(1, new CancellationTokenSource(Bound).Token);
        var client = await DistributedScheduler.ConnectAsync(center.Address, token, clientTls ?? tls);
        return new GuardedCluster(center, worker, client, log) { Token = token };
    }

    /// <summary>Computes 41 + 1 on the worker, through the center: both still serve.</summary>
    public async Task<long> StillServesAsync(string key)
    {
        var graph = new TaskGraph { [key] = new TaskNode(ArrayOperations.Increment, 41L) };
        var result = await Client.ComputeAsync(graph, [key]).AsTask().WaitAsync(Bound);
        return (long)result[0]!;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Worker.DisposeAsync();
        await Center.DisposeAsync();
    }
}
