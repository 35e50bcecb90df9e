using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed;

/// <summary>A center and workers in this process, on loopback with port 0, with the center's invariants checked after every event.</summary>
internal sealed class InProcessCluster : IScheduler, IAsyncDisposable
{
    private readonly List<WorkerHost> _workers;

    private InProcessCluster(CenterHost center, List<WorkerHost> workers, DistributedScheduler client)
    {
        Center = center;
        _workers = workers;
        Client = client;
    }

    public CenterHost Center { get; }

    public DistributedScheduler Client { get; }

    public IReadOnlyList<WorkerHost> Workers => _workers;

    // workStealing: off for tests of placement by data locality (a stolen task of unknown duration moves its inputs).
    public static async Task<InProcessCluster> StartAsync(int workers = 2, int threads = 1, string token = "", bool workStealing = true)
    {
        var center = await CenterHost.StartAsync(new CenterOptions { Port = 0, Token = token, ValidateState = true, WorkStealing = workStealing });
        var hosts = new List<WorkerHost>();
        for (int i = 0; i < workers; i++)
            hosts.Add(await WorkerHost.StartAsync(new WorkerOptions { CenterAddress = center.Address, Token = token, Threads = threads, Name = $"test-worker-{i}", ValidateState = true }));
        await center.WaitForWorkersAsync(workers, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        var client = await DistributedScheduler.ConnectAsync(center.Address, token);
        return new InProcessCluster(center, hosts, client);
    }

    public ValueTask<object?[]> ComputeAsync(TaskGraph graph, IReadOnlyList<TaskKey> keys, CancellationToken cancellationToken = default) =>
        Client.ComputeAsync(graph, keys, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        foreach (var worker in _workers)
            await worker.DisposeAsync();
        await Center.DisposeAsync();
    }
}
