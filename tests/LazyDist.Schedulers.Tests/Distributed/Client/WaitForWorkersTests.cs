using LazyDist.Distributed;
using LazyDist.Graph;
using LazyDist.Schedulers.Tests.Distributed.Security;

namespace LazyDist.Schedulers.Tests.Distributed.Client;

/// <summary>A cluster with no workers, as a client meets it: an error naming the center after the timeout, never an endless wait; and waiting for workers. A real center and worker on loopback.</summary>
public class WaitForWorkersTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    [Test, CancelAfter(300_000)]
    public async Task ComputeWithNoWorkers_FailsAfterTheTimeout_NamingTheCenter_AndTheCenterWarnedFirst()
    {
        var log = new RecordingLog();
        await using var center = await CenterHost.StartAsync(new CenterOptions { Port = 0, NoWorkersTimeout = TimeSpan.FromSeconds(6) }, log);
        await using var client = await DistributedScheduler.ConnectAsync(center.Address);
        var graph = new TaskGraph { ["x"] = TaskNode.FromValue(1), ["y"] = TaskNode.Call((int v) => v + 1, TaskArg.Ref("x")) };
        var failed = Assert.ThrowsAsync<TaskFailedException>(async () => await client.ComputeAsync(graph, ["y"]).AsTask().WaitAsync(Bound));
        Assert.That(failed!.Message, Does.Contain($"no workers connected to {center.Address} for 6 s"));
        Assert.That(log.Lines, Has.Some.Contains($"no workers connected to {center.Address}; ").And.Some.Contains("tasks waiting (they fail after 6 s)"));
    }

    [Test, CancelAfter(300_000)]
    public async Task WaitForWorkers_NoneComes_TimesOutNamingTheCenter_ThenOneJoins_AndTheWaitEnds()
    {
        var log = new RecordingLog();
        await using var center = await CenterHost.StartAsync(new CenterOptions { Port = 0 });
        await using var client = await DistributedScheduler.ConnectAsync(center.Address);
        var timedOut = Assert.ThrowsAsync<TimeoutException>(async () => await client.WaitForWorkersAsync(1, TimeSpan.FromSeconds(1)).WaitAsync(Bound));
        Assert.That(timedOut!.Message, Is.EqualTo($"no workers connected to {center.Address} for 1 s"));

        var waiting = client.WaitForWorkersAsync(1, Bound, log.CreateLogger("test-client"));
        await log.WaitForAsync(l => l.Contains($"no workers connected to {center.Address}; waiting", StringComparison.Ordinal)).WaitAsync(Bound);
        await using var worker = await WorkerHost.StartAsync(new WorkerOptions { CenterAddress = center.Address, Threads = 1, Name = "late" }, log);
        Assert.That(await waiting.WaitAsync(Bound), Is.EqualTo(1));
        Assert.That(await client.WaitForWorkersAsync(1, TimeSpan.FromSeconds(1)).WaitAsync(Bound), Is.EqualTo(1), "already there");
    }
}
