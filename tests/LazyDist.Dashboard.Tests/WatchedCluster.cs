using LazyDist.Collections;
using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Dashboard.Tests;

/// <summary>A center with two workers in this process (loopback, port 0), a client, and the center's dashboard on port 0.</summary>
internal sealed class WatchedCluster : IAsyncDisposable
{
    private readonly List<WorkerHost> _workers;

    private WatchedCluster(CenterHost center, List<WorkerHost> workers, DistributedScheduler client, DashboardServer dashboard)
    {
        Center = center;
        _workers = workers;
        Client = client;
        Dashboard = dashboard;
    }

    public CenterHost Center { get; }

    public DistributedScheduler Client { get; }

    public DashboardServer Dashboard { get; }

    public static async Task<WatchedCluster> StartAsync(string token = "", int workers = 2, CancellationToken cancellationToken = default)
    {
        var center = await CenterHost.StartAsync(new CenterOptions { Port = 0, Token = token, ValidateState = true });
        var hosts = new List<WorkerHost>();
        for (int i = 0; i < workers; i++)
            hosts.Add(await WorkerHost.StartAsync(new WorkerOptions { CenterAddress = center.Address, Token = token, Name = $"dash-worker-{i}", HeartbeatInterval = TimeSpan.FromMilliseconds(200) }));
        await center.WaitForWorkersAsync(workers, cancellationToken);
        var client = await DistributedScheduler.ConnectAsync(center.Address, token, cancellationToken: cancellationToken);
        var dashboard = await DashboardServer.StartAsync(center, new DashboardOptions { Port = 0, Token = token, UpdateInterval = TimeSpan.FromMilliseconds(100) });
        return new WatchedCluster(center, hosts, client, dashboard);
    }

    /// <summary><paramref name="count"/> <c>inc</c> tasks and one <c>total</c> that adds them.</summary>
    public static (TaskGraph Graph, TaskKey Total) IncGraph(int count, string total = "total")
    {
        var graph = new TaskGraph();
        for (int i = 0; i < count; i++)
            graph[("inc", i)] = new TaskNode(ArrayOperations.Increment, (long)i);
        graph[total] = new TaskNode(ArrayOperations.SumScalars, ArgList.OfRefs(Enumerable.Range(0, count).Select(i => (TaskKey)("inc", i))));
        return (graph, total);
    }

    public async ValueTask DisposeAsync()
    {
        await Dashboard.DisposeAsync();
        await Client.DisposeAsync();
        foreach (var worker in _workers)
            await worker.DisposeAsync();
        await Center.DisposeAsync();
    }
}
