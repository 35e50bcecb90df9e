using System.Net;
using System.Net.Sockets;
using LazyDist.Collections;
using LazyDist.Distributed;
using LazyDist.Graph;
using LazyDist.Schedulers.Tests.Distributed.Client;
using Microsoft.Extensions.Time.Testing;

namespace LazyDist.Schedulers.Tests.Distributed.Center;

/// <summary>The center over real TCP on loopback: bad input closes one connection, nothing else.</summary>
public class CenterHostTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Test, CancelAfter(90_000)]
    public async Task Garbage_ClosesThatConnection_CenterKeepsServing()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 1);
        var (host, port) = LazyDist.Distributed.Wire.Endpoints.Parse(cluster.Center.Address);
        using var intruder = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await intruder.ConnectAsync(IPAddress.Parse(host), port);
        var garbage = new byte[4096];
        new Random(17).NextBytes(garbage);
        await intruder.SendAsync(garbage);
        int read = await intruder.ReceiveAsync(new byte[16], SocketFlags.None).WaitAsync(Bound);
        Assert.That(read, Is.Zero, "the center closed the garbage connection");

        var graph = new TaskGraph { ["after-garbage"] = new TaskNode(ArrayOperations.Increment, 41L) };
        var result = await cluster.Client.ComputeAsync(graph, ["after-garbage"]).AsTask().WaitAsync(Bound);
        Assert.That(result[0], Is.EqualTo(42L));
    }

    [Test, CancelAfter(90_000)]
    public async Task WrongToken_ClientRefusedWithReason()
    {
        await using var center = await CenterHost.StartAsync(new CenterOptions { Port = 0, Token = "s3cret" });
        var ex = Assert.ThrowsAsync<IOException>(() => DistributedScheduler.ConnectAsync(center.Address, "guess").WaitAsync(Bound));
        Assert.That(ex!.Message, Does.Contain("wrong token"));
    }

    [Test]
    public void NonLoopbackWithoutToken_RefusedSayingWhy()
    {
        var ex = Assert.ThrowsAsync<InvalidOperationException>(() => CenterHost.StartAsync(new CenterOptions { Host = "0.0.0.0", Port = 0 }));
        Assert.That(ex!.Message, Does.Contain("without a token").And.Contain("run code"));
    }

    [Test, CancelAfter(90_000)]
    public async Task Worker_CenterGoneLongerThanTimeout_Exits()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nobody listens there any more
        // Fake time that moves 31 s each time it is read: the first failed attempt is already past the 30 s timeout.
        var time = new FakeTimeProvider(SchedulerStateFixture.T0) { AutoAdvanceAmount = TimeSpan.FromSeconds(31) };
        await using var worker = await WorkerHost.StartAsync(new WorkerOptions
        {
            CenterAddress = $"127.0.0.1:{port}",
            Threads = 1,
            CenterTimeout = TimeSpan.FromSeconds(30),
        }, time: time);
        await worker.Completion.WaitAsync(Bound);
        Assert.That(worker.Completion.IsCompletedSuccessfully, Is.True);
    }

    [Test, CancelAfter(90_000)]
    public async Task Heartbeats_OnFakeTime_SilentWorkerRemoved_BeatingWorkerKept()
    {
        var t0 = SchedulerStateFixture.T0;
        var centerTime = new FakeTimeProvider(t0);
        await using var center = await CenterHost.StartAsync(new CenterOptions { Port = 0, HeartbeatTimeout = TimeSpan.FromSeconds(15), ValidateState = true }, time: centerTime);
        var beatingTime = new FakeTimeProvider(t0);
        await using var beating = await WorkerHost.StartAsync(new WorkerOptions { CenterAddress = center.Address, Threads = 1, Name = "beats" }, time: beatingTime);
        await using var silent = await WorkerHost.StartAsync(new WorkerOptions { CenterAddress = center.Address, Threads = 1, Name = "silent" }, time: new FakeTimeProvider(t0));
        await center.WaitForWorkersAsync(2, CancellationToken.None).WaitAsync(Bound);
        await beating.Joined.WaitAsync(Bound); // its side of the session is up: a heartbeat now reaches the center

        centerTime.Advance(TimeSpan.FromSeconds(10));
        beatingTime.Advance(TimeSpan.FromSeconds(1)); // one heartbeat interval: "beats" says it is alive, at the center's 10 s
        await center.UntilAsync(s => s.Workers.Values.Any(w => w.Name == "beats" && w.LastSeen == t0.AddSeconds(10)));
        centerTime.Advance(TimeSpan.FromSeconds(6)); // the center's 16 s: "silent" missed 15 s of heartbeats, "beats" 6 s
        await center.UntilAsync(s => s.WorkerCount == 1);
        Assert.That(await center.ReadAsync(s => s.Workers.Values.Single().Name), Is.EqualTo("beats"));
    }

    [Test, CancelAfter(90_000)]
    public async Task ClientDisconnects_EverythingItWantedIsReleased()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 1);
        var client = await DistributedScheduler.ConnectAsync(cluster.Center.Address);
        var sum = DistArray.Random(400L * 100_000, 100_000, seed: 21).Sum();
        var running = client.ComputeAsync(sum.Graph, [sum.Key]).AsTask();
        await cluster.Center.WaitForAsync(s => s.CompletedTasks >= 20, CancellationToken.None).WaitAsync(Bound);
        await client.DisposeAsync();
        Assert.CatchAsync<IOException>(() => running.WaitAsync(Bound));
        await cluster.Center.WaitForAsync(s => s.Tasks.Count == 0 && s.HeldBytes == 0, CancellationToken.None).WaitAsync(Bound);
    }

    [Test, CancelAfter(90_000)]
    public async Task WorkerLeavesMidRun_WorkRecomputed_SameBits()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 2);
        var sum = DistArray.Random(300L * 50_000, 50_000, seed: 8).Sum();
        double expected = sum.Compute(new SynchronousScheduler());
        var running = cluster.Client.ComputeAsync(sum.Graph, [sum.Key]).AsTask();
        await cluster.Center.WaitForAsync(s => s.CompletedTasks >= 100, CancellationToken.None).WaitAsync(Bound);
        await cluster.Workers[0].DisposeAsync();
        var result = await running.WaitAsync(Bound);
        Assert.That(BitConverter.DoubleToInt64Bits((double)result[0]!), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)));
    }
}
