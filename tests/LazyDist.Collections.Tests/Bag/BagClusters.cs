using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Collections.Tests.Bag;

/// <summary>A center and two workers in this process, on loopback with port 0, the center checking its invariants after every event.</summary>
internal sealed class InProcessBagCluster : IAsyncDisposable
{
    private readonly List<WorkerHost> _workers;

    private InProcessBagCluster(CenterHost center, List<WorkerHost> workers, DistributedScheduler client)
    {
        Center = center;
        _workers = workers;
        Client = client;
    }

    public CenterHost Center { get; }

    public DistributedScheduler Client { get; }

    public static async Task<InProcessBagCluster> StartAsync(int workers = 2)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var center = await CenterHost.StartAsync(new CenterOptions { Port = 0, ValidateState = true });
        var hosts = new List<WorkerHost>();
        for (int i = 0; i < workers; i++)
            hosts.Add(await WorkerHost.StartAsync(new WorkerOptions { CenterAddress = center.Address, Threads = 1, Name = $"bag-worker-{i}" }));
        await center.WaitForWorkersAsync(workers, bound.Token);
        return new InProcessBagCluster(center, hosts, await DistributedScheduler.ConnectAsync(center.Address));
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        foreach (var worker in _workers)
            await worker.DisposeAsync();
        await Center.DisposeAsync();
    }
}
