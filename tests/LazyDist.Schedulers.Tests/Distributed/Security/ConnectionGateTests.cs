using System.Text;
using LazyDist.Distributed;
using LazyDist.Distributed.Wire;

namespace LazyDist.Schedulers.Tests.Distributed.Security;

/// <summary>
/// Strangers at a center's and a data port's door, over real TCP: nothing large is read before the
/// handshake, each refusal is logged once with the peer's address, and the listener keeps serving.
/// </summary>
public class ConnectionGateTests
{
    private static readonly TimeSpan Bound = GuardedCluster.Bound;

    [Test, CancelAfter(120_000)]
    public async Task Stranger_ClaimsHugeHeader_ClosedBeforeReadingIt_CenterKeepsServing()
    {
        await using var cluster = await GuardedCluster.StartAsync();
        using var stranger = await RawPeer.ConnectAsync(cluster.Center.Address);
        await stranger.SendAsync(RawPeer.Prefix(256u << 20, 0));
        await stranger.ReadUntilClosedAsync(Bound);
        string line = await cluster.Log.WaitForAsync(l => l.Contains("refused") && l.Contains("outside the limit of 65536")).WaitAsync(Bound);
        Assert.Multiple(async () =>
        {
            Assert.That(line, Does.Contain("127.0.0.1:"), "the peer's address");
            Assert.That(await cluster.StillServesAsync("after-huge-header"), Is.EqualTo(42));
        });
    }

    [Test, CancelAfter(120_000)]
    public async Task Stranger_HelloWithPayload_ClosedBeforeReadingIt()
    {
        await using var cluster = await GuardedCluster.StartAsync();
        using var stranger = await RawPeer.ConnectAsync(cluster.Center.Address);
        await stranger.SendAsync(RawPeer.Frame(RawPeer.Hello("guess"), new byte[1 << 20]));
        await stranger.ReadUntilClosedAsync(Bound);
        await cluster.Log.WaitForAsync(l => l.Contains("1 payload frames exceed the limit of 0")).WaitAsync(Bound);
        Assert.That(await cluster.StillServesAsync("after-payload"), Is.EqualTo(42));
    }

    [Test, CancelAfter(120_000)]
    public async Task Stranger_WrongToken_RefusedWithReason_LoggedOnce()
    {
        await using var cluster = await GuardedCluster.StartAsync();
        using var stranger = await RawPeer.ConnectAsync(cluster.Center.Address);
        await stranger.SendAsync(RawPeer.Frame(RawPeer.Hello("guess", name: "intruder-7")));
        var answer = await stranger.ReceiveAsync(Bound);
        await stranger.ReadUntilClosedAsync(Bound);
        await cluster.Log.WaitForAsync(l => l.Contains("intruder-7")).WaitAsync(Bound);
        Assert.Multiple(() =>
        {
            Assert.That(answer, Is.EqualTo(new RefusedMessage("wrong token")));
            Assert.That(cluster.Log.Count(l => l.Contains("intruder-7")), Is.EqualTo(1));
            Assert.That(cluster.Log.Lines.Single(l => l.Contains("intruder-7")), Does.Contain("wrong token").And.Contain("127.0.0.1:"));
        });
    }

    [Test, CancelAfter(120_000)]
    public async Task Stranger_LongNameWithLineBreaks_CutAndFlattenedInTheLog()
    {
        await using var cluster = await GuardedCluster.StartAsync();
        using var stranger = await RawPeer.ConnectAsync(cluster.Center.Address);
        string name = "evil\nFAKE LOG LINE " + new string('x', 20_000);
        await stranger.SendAsync(RawPeer.Frame(RawPeer.Hello("guess", name: name)));
        await stranger.ReadUntilClosedAsync(Bound);
        string line = await cluster.Log.WaitForAsync(l => l.Contains("evil?FAKE")).WaitAsync(Bound);
        Assert.Multiple(() =>
        {
            Assert.That(line, Does.Not.Contain("\n"));
            Assert.That(line, Does.Contain("(20019 characters)"));
            Assert.That(line.Length, Is.LessThan(400));
        });
    }

    [Test, CancelAfter(120_000)]
    public async Task Stranger_HelloWithFieldNested60000Deep_Refused_CenterKeepsServing()
    {
        await using var cluster = await GuardedCluster.StartAsync();
        using var stranger = await RawPeer.ConnectAsync(cluster.Center.Address);
        var header = new List<byte> { 0x92, 0x00, 0x97, 0x02, 0xA0, 0x02, 0xA1, (byte)'n', 0xC0, 0x00 }; // [Hello, [2, "", Client, "n", nil, 0, ...
        header.AddRange(Enumerable.Repeat((byte)0x91, 60_000)); // ... and a seventh field: [[[[...]]]]
        header.Add(0xC0);
        await stranger.SendAsync(RawPeer.Frame([.. header]));
        await stranger.ReadUntilClosedAsync(Bound);
        Assert.That(await cluster.StillServesAsync("after-deep-hello"), Is.EqualTo(42));
    }

    [Test, CancelAfter(120_000)]
    public async Task Strangers_TakeEveryPlace_TheNextClientWaitsInTheBacklog_ServedWhenOneLeaves()
    {
        await using var cluster = await GuardedCluster.StartAsync();
        var silent = new List<RawPeer>();
        try
        {
            for (int i = 0; i < ConnectionGate.MaxPending; i++)
                silent.Add(await RawPeer.ConnectAsync(cluster.Center.Address));
            await cluster.Log.WaitForAsync(l => l.Contains($"has {ConnectionGate.MaxPending} connections waiting for their handshake")).WaitAsync(Bound);
            var late = DistributedScheduler.ConnectAsync(cluster.Center.Address, cluster.Token);
            Assert.That(await cluster.StillServesAsync("while-full"), Is.EqualTo(42), "connections made before keep working");
            silent[0].Dispose(); // one place frees: the client waiting in the backlog is accepted next
            await using var client = await late.WaitAsync(Bound);
            Assert.That((await client.GetStatisticsAsync().WaitAsync(Bound)).Workers, Is.EqualTo(1));
        }
        finally
        {
            silent.ForEach(s => s.Dispose());
        }
    }

    [Test, CancelAfter(120_000)]
    public async Task DataPort_HelloAsAWorker_RefusedSayingWhatItIs()
    {
        await using var cluster = await GuardedCluster.StartAsync();
        using var stranger = await RawPeer.ConnectAsync(cluster.Worker.DataAddress);
        await stranger.SendAsync(RawPeer.Frame(RawPeer.Hello(cluster.Token, PeerRole.Worker, data: "127.0.0.1:1", threads: 1)));
        var answer = (RefusedMessage)await stranger.ReceiveAsync(Bound);
        Assert.That(answer.Reason, Does.Contain("this is the data port of worker guarded-worker"));
    }

    [Test, CancelAfter(120_000)]
    public async Task Client_MorePayloadsThanItsKindSends_ConnectionClosed_CenterKeepsServing()
    {
        await using var cluster = await GuardedCluster.StartAsync();
        using var client = await RawPeer.ConnectAsync(cluster.Center.Address);
        await client.SendAsync(RawPeer.Frame(RawPeer.Hello(cluster.Token)));
        Assert.That(await client.ReceiveAsync(Bound), Is.TypeOf<WelcomeMessage>());
        await client.SendAsync(RawPeer.Frame(new CodeMessage("h", true), new byte[10], new byte[10]));
        await client.ReadUntilClosedAsync(Bound);
        await cluster.Log.WaitForAsync(l => l.Contains("2 payload frames exceed the limit of 1")).WaitAsync(Bound);
        Assert.That(await cluster.StillServesAsync("after-payloads"), Is.EqualTo(42));
    }

    [Test]
    public void Worker_NonLoopbackDataPortWithoutToken_RefusedSayingWhy()
    {
        var ex = Assert.ThrowsAsync<InvalidOperationException>(() =>
            WorkerHost.StartAsync(new WorkerOptions { CenterAddress = "127.0.0.1:1", Host = "0.0.0.0", Threads = 1 }));
        Assert.That(ex!.Message, Does.Contain("without a token").And.Contain("read every value"));
    }

    [Test]
    public void LogText_PrintableShortText_Unchanged()
    {
        Assert.Multiple(() =>
        {
            Assert.That(LogText.Of("worker-1"), Is.EqualTo("worker-1"));
            Assert.That(LogText.Of(null), Is.EqualTo("(none)"));
            Assert.That(LogText.Of("a\u0007b\r\nc"), Is.EqualTo("a?b??c"));
            Assert.That(LogText.Of(new string('k', 81)), Is.EqualTo(new string('k', 80) + "... (81 characters)"));
            Assert.That(Encoding.UTF8.GetByteCount(LogText.Of(new string('k', 1_000_000))), Is.LessThan(120));
        });
    }
}
