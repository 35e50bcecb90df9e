using System.Text;
using LazyDist.Collections;
using LazyDist.Distributed;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Security;

/// <summary>
/// TLS on every connection (client to center, worker to center, reader to data port), with
/// certificates made by the test: results as on plain TCP, the token never seen on the wire, and
/// every party without the right credentials refused with a reason.
/// </summary>
public class TlsTests
{
    private const string Token = "token-that-must-not-be-seen-5f3a";
    private static readonly TimeSpan Bound = GuardedCluster.Bound;

    [Test, CancelAfter(120_000)]
    public async Task Compute_MutualTlsEverywhere_SameResultAsThreads()
    {
        using var certificates = new TestCertificates();
        await using var cluster = await GuardedCluster.StartAsync(Token, certificates.Issue("center"), certificates.Issue("worker"), certificates.Issue("client"));
        var sum = DistArray.Random(40L * 10_000, 10_000, seed: 9).Sum();
        double expected = sum.Compute(new ThreadedScheduler());
        Assert.Multiple(async () =>
        {
            Assert.That(await sum.ComputeAsync(cluster.Client), Is.EqualTo(expected));
            Assert.That(cluster.Client.GatheredBytes, Is.GreaterThan(0), "gathered from the worker's data port, over TLS");
        });
    }

    [Test, CancelAfter(120_000)]
    public async Task Connect_OverTls_TheTokenNeverCrossesTheWireInPlainText()
    {
        using var certificates = new TestCertificates();
        await using var cluster = await GuardedCluster.StartAsync(Token, certificates.Issue("center"), certificates.Issue("worker"), certificates.Issue("client"));
        await using var proxy = new RecordingProxy(cluster.Center.Address);
        await using (var client = await DistributedScheduler.ConnectAsync(proxy.Address, Token, certificates.Issue("watched")))
        {
            var graph = new TaskGraph { ["watched"] = new TaskNode(ArrayOperations.Increment, 1L) };
            Assert.That((await client.ComputeAsync(graph, ["watched"]))[0], Is.EqualTo(2L));
        }
        byte[] seen = proxy.Seen();
        Assert.Multiple(() =>
        {
            Assert.That(seen, Has.Length.GreaterThan(500));
            Assert.That(seen[0], Is.EqualTo(0x16), "a TLS handshake record first");
            Assert.That(seen.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Token)), Is.EqualTo(-1), "the token is not in the bytes");
        });
    }

    [Test, CancelAfter(120_000)]
    public async Task Connect_PlainTcp_TheTokenCrossesTheWire_WhatTlsPrevents()
    {
        await using var cluster = await GuardedCluster.StartAsync(Token);
        await using var proxy = new RecordingProxy(cluster.Center.Address);
        await using (await DistributedScheduler.ConnectAsync(proxy.Address, Token))
        {
        }
        Assert.That(proxy.Seen().AsSpan().IndexOf(Encoding.UTF8.GetBytes(Token)), Is.GreaterThanOrEqualTo(0));
    }

    [Test, CancelAfter(120_000)]
    public async Task Connect_NoClientCertificateToAMutualTlsCenter_RefusedAndLogged()
    {
        using var certificates = new TestCertificates();
        await using var cluster = await GuardedCluster.StartAsync(Token, certificates.Issue("center"), certificates.Issue("worker"), certificates.Issue("client"));
        var ex = Assert.CatchAsync<IOException>(() => DistributedScheduler.ConnectAsync(cluster.Center.Address, Token, certificates.TrustOnly).WaitAsync(Bound));
        await cluster.Log.WaitForAsync(l => l.Contains("the TLS handshake failed")).WaitAsync(Bound);
        Assert.Multiple(async () =>
        {
            Assert.That(ex!.Message, Does.Contain(cluster.Center.Address));
            Assert.That(await cluster.StillServesAsync("after-no-certificate"), Is.EqualTo(42));
        });
    }

    [Test, CancelAfter(120_000)]
    public async Task Connect_CertificateOfAnotherAuthority_Refused()
    {
        using var certificates = new TestCertificates();
        using var strangers = new TestCertificates("another CA");
        await using var cluster = await GuardedCluster.StartAsync(Token, certificates.Issue("center"), certificates.Issue("worker"), certificates.Issue("client"));
        Assert.CatchAsync<IOException>(() => DistributedScheduler.ConnectAsync(cluster.Center.Address, Token, strangers.Issue("impostor")).WaitAsync(Bound));
        await cluster.Log.WaitForAsync(l => l.Contains("the TLS handshake failed")).WaitAsync(Bound);
    }

    [Test, CancelAfter(120_000)]
    public async Task Connect_PlainClientToATlsCenter_RefusedSayingWhy()
    {
        using var certificates = new TestCertificates();
        await using var cluster = await GuardedCluster.StartAsync(Token, certificates.Issue("center"), certificates.Issue("worker"), certificates.Issue("client"));
        var ex = Assert.CatchAsync<IOException>(() => DistributedScheduler.ConnectAsync(cluster.Center.Address, Token).WaitAsync(Bound));
        Assert.That(ex!.Message, Does.Contain("does it expect TLS"));
    }

    [Test, CancelAfter(120_000)]
    public async Task Connect_TlsClientToAPlainCenter_FailsSayingWhy_BeforeSendingTheToken()
    {
        using var certificates = new TestCertificates();
        await using var cluster = await GuardedCluster.StartAsync(Token);
        await using var proxy = new RecordingProxy(cluster.Center.Address);
        var ex = Assert.CatchAsync<IOException>(() => DistributedScheduler.ConnectAsync(proxy.Address, Token, certificates.Issue("client")).WaitAsync(Bound));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("TLS handshake with").And.Contain("does it serve TLS"));
            Assert.That(proxy.Seen().AsSpan().IndexOf(Encoding.UTF8.GetBytes(Token)), Is.EqualTo(-1));
        });
    }

    [Test, CancelAfter(120_000)]
    public async Task Connect_CenterWithoutAuthority_ClientThatTrustsTheAuthority_ConnectsWithoutACertificate()
    {
        using var certificates = new TestCertificates();
        await using var center = await CenterHost.StartAsync(new CenterOptions { Port = 0, Token = Token, Tls = certificates.Issue("center", mutual: false) });
        await using var client = await DistributedScheduler.ConnectAsync(center.Address, Token, certificates.TrustOnly);
        Assert.That((await client.GetStatisticsAsync()).Workers, Is.Zero);
    }

    [Test, CancelAfter(120_000)]
    public async Task Connect_ClientWithoutTheAuthority_RejectsAPrivatelySignedCenter()
    {
        using var certificates = new TestCertificates();
        await using var center = await CenterHost.StartAsync(new CenterOptions { Port = 0, Token = Token, Tls = certificates.Issue("center", mutual: false) });
        var ex = Assert.CatchAsync<IOException>(() => DistributedScheduler.ConnectAsync(center.Address, Token, new TlsOptions()).WaitAsync(Bound));
        Assert.That(ex!.Message, Does.Contain("TLS handshake with").And.Contain("a certificate this side trusts"));
    }

    [Test, CancelAfter(120_000)]
    public async Task DataPort_ReaderWithTheCertificateButTheWrongToken_Refused()
    {
        using var certificates = new TestCertificates();
        await using var cluster = await GuardedCluster.StartAsync(Token, certificates.Issue("center"), certificates.Issue("worker"), certificates.Issue("client"));
        await using var reader = new PeerPool(WireSecurity.Create("guess", certificates.Issue("reader")), "reader");
        var ex = Assert.CatchAsync<IOException>(() => reader.FetchAsync(cluster.Worker.DataAddress, ["anything"], CancellationToken.None).WaitAsync(Bound));
        Assert.That(ex!.Message, Does.Contain("wrong token"));
    }

    [Test, CancelAfter(120_000)]
    public async Task DataPort_PlainStranger_RefusedAtTheTlsHandshake()
    {
        using var certificates = new TestCertificates();
        await using var cluster = await GuardedCluster.StartAsync(Token, certificates.Issue("center"), certificates.Issue("worker"), certificates.Issue("client"));
        using var stranger = await RawPeer.ConnectAsync(cluster.Worker.DataAddress);
        await stranger.SendAsync(RawPeer.Frame(RawPeer.Hello(Token, PeerRole.DataReader)));
        await stranger.ReadUntilClosedAsync(Bound);
        await cluster.Log.WaitForAsync(l => l.Contains("at the data port of guarded-worker: the TLS handshake failed")).WaitAsync(Bound);
    }

    [Test, CancelAfter(120_000)]
    public async Task Worker_CertificateOfAnotherAuthority_SaysWhyItCannotJoin()
    {
        using var certificates = new TestCertificates();
        using var strangers = new TestCertificates("another CA");
        var log = new RecordingLog();
        await using var center = await CenterHost.StartAsync(new CenterOptions { Port = 0, Token = Token, Tls = certificates.Issue("center") }, log);
        await using var worker = await WorkerHost.StartAsync(new WorkerOptions { CenterAddress = center.Address, Token = Token, Threads = 1, Tls = strangers.Issue("stray") }, log);
        string line = await log.WaitForAsync(l => l.Contains("cannot join the center at")).WaitAsync(Bound);
        Assert.Multiple(() =>
        {
            Assert.That(line, Does.Contain("TLS handshake with"));
            Assert.That(center.WorkerCount, Is.Zero);
        });
    }

    [Test]
    public void Start_CenterWithTlsButNoCertificate_RefusedSayingWhatIsMissing()
    {
        var ex = Assert.ThrowsAsync<ArgumentException>(() => CenterHost.StartAsync(new CenterOptions { Port = 0, Tls = new TlsOptions { CertificateAuthorityPath = "/nonexistent/ca.pem" } }));
        Assert.That(ex!.Message, Does.Contain("--tls-cert and --tls-key"));
    }

    [Test]
    public void Start_CertificateFileMissing_RefusedNamingIt()
    {
        var ex = Assert.ThrowsAsync<ArgumentException>(() => CenterHost.StartAsync(new CenterOptions
        {
            Port = 0,
            Tls = new TlsOptions { CertificatePath = "/nonexistent/center.crt", KeyPath = "/nonexistent/center.key" },
        }));
        Assert.That(ex!.Message, Does.Contain("--tls-cert").And.Contain("/nonexistent/center.crt"));
    }

    [Test, CancelAfter(180_000)]
    public async Task LocalCluster_WithMutualTls_SameBitsAsThreads()
    {
        using var certificates = new TestCertificates();
        await using var cluster = await LocalCluster.StartAsync(new LocalClusterOptions { Workers = 2, Tls = certificates.Issue("local") });
        var sum = DistArray.Random(60L * 10_000, 10_000, seed: 4).Sum();
        Assert.That(await sum.ComputeAsync(cluster), Is.EqualTo(sum.Compute(new ThreadedScheduler())));
    }
}
