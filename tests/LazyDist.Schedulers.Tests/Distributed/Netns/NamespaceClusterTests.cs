using System.Globalization;
using System.Text.RegularExpressions;
using LazyDist.Collections;
using LazyDist.Distributed;
using LazyDist.Schedulers.Tests.Distributed.Security;

namespace LazyDist.Schedulers.Tests.Distributed.Netns;

/// <summary>
/// The multi-host deployment for real, on one machine: a center, two workers and a client, each a
/// <c>lazydist</c> process in a network namespace of its own, joined by a bridge; a token and
/// mutual TLS on every connection. The seed runs exact; the Pool session runs exact though one
/// worker is killed in the middle of it; the seed runs exact again on the worker left. Every
/// namespace is removed afterwards, also when the test fails. Needs root (CI runs as root).
/// </summary>
[NonParallelizable]
public partial class NamespaceClusterTests
{
    private const string Token = "netns-token-6d1c";
    private const string Center = "192.0.2.1:8786";
    private const int ChunkCount = 120;
    private const int ChunkSize = 100_000;
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    [Test, CancelAfter(900_000)]
    public async Task SeedAndPool_HostsInNamespacesWithTokenAndTls_OneWorkerKilledMidRun_ExactResults()
    {
        if (Environment.UserName != "root")
            Assert.Ignore("network namespaces need root (CI runs as root)");
        NetworkNamespaces.RemoveStale();
        using var certificates = new TestCertificates();
        using var net = NetworkNamespaces.Create([("center", "192.0.2.1"), ("w1", "192.0.2.11"), ("w2", "192.0.2.12"), ("client", "192.0.2.100")]);
        try
        {
            await using var center = CliProcess.Start("center", ["center", "--host", "192.0.2.1", "--port", "8786", "--token", Token, .. Tls(certificates, "center", "192.0.2.1")], net.Exec("center"));
            await center.WaitForLineAsync(l => l.Contains("center listening at 192.0.2.1:8786")).WaitAsync(Bound);
            await using var w1 = StartWorker(net, certificates, "w1", "192.0.2.11");
            await using var w2 = StartWorker(net, certificates, "w2", "192.0.2.12");
            await Task.WhenAll(Joined(center, "w1"), Joined(center, "w2")).WaitAsync(Bound);

            string expected = await SeedTotalAsync(CliProcess.Start("seed-threads", SeedArguments("threads")));
            Assert.That(await SeedTotalAsync(CliProcess.Start("seed-client", [.. SeedArguments($"tcp://{Center}"), .. Tls(certificates, "client", "192.0.2.100")], net.Exec("client"))),
                Is.EqualTo(expected), "the seed across namespaces, both workers up");

            string script = Path.Combine(certificates.Directory, "pool.csx");
            await File.WriteAllTextAsync(script, PoolScript);
            await using var pool = CliProcess.Start("pool-client",
                ["run", script, "--scheduler", $"tcp://{Center}", "--token", Token, .. Tls(certificates, "pool", "192.0.2.100"), "--", $"{ChunkCount}", $"{ChunkSize}"], net.Exec("client"));
            await pool.WaitForLineAsync(l => l.StartsWith("midway", StringComparison.Ordinal)).WaitAsync(Bound);
            w2.Kill(); // mid-run: the chunks and sums it holds are lost and must be recomputed on w1
            await center.WaitForLineAsync(l => l.Contains("worker w2 left") || l.Contains("worker w2 lost")).WaitAsync(Bound);
            pool.SendLine("go");
            Assert.That(await pool.ExitCodeAsync(Bound), Is.Zero, string.Join('\n', pool.Lines.TakeLast(20)));
            string bits = BitsLine().Match(string.Join('\n', pool.Lines)).Groups[1].Value;
            Assert.That(bits, Is.EqualTo(ExpectedPoolBits()), "the Pool session's total, bit for bit, after losing w2");

            Assert.That(await SeedTotalAsync(CliProcess.Start("seed-after", [.. SeedArguments($"tcp://{Center}"), .. Tls(certificates, "after", "192.0.2.100")], net.Exec("client"))),
                Is.EqualTo(expected), "the seed again, on the worker left");
        }
        finally
        {
            net.Dispose();
        }
        Assert.That(NetworkNamespaces.List().Where(n => n.StartsWith(net.Run + "-", StringComparison.Ordinal)), Is.Empty, "every namespace is removed");
    }

    private static CliProcess StartWorker(NetworkNamespaces net, TestCertificates certificates, string name, string address) =>
        CliProcess.Start(name, ["worker", Center, "--host", address, "--token", Token, "--nthreads", "1", "--name", name, .. Tls(certificates, name, address)], net.Exec(name));

    private static Task<string> Joined(CliProcess center, string worker) => center.WaitForLineAsync(l => l.Contains($"worker {worker} joined"));

    private static string[] SeedArguments(string scheduler) =>
        ["seed", "--scheduler", scheduler, "--token", Token, "--chunks", $"{ChunkCount}", "--chunk-size", $"{ChunkSize}"];

    private static string[] Tls(TestCertificates certificates, string name, string address)
    {
        var tls = certificates.Issue(name, address);
        return ["--tls-cert", tls.CertificatePath!, "--tls-key", tls.KeyPath!, "--tls-ca", tls.CertificateAuthorityPath!];
    }

    /// <summary>Runs a seed client to its end; the <c>total=</c> it printed.</summary>
    private static async Task<string> SeedTotalAsync(CliProcess seed)
    {
        await using (seed)
        {
            int code = await seed.ExitCodeAsync(Bound);
            string output = string.Join('\n', seed.Lines);
            Assert.That(code, Is.Zero, output);
            return TotalField().Match(output) is { Success: true } total ? total.Groups[1].Value : throw new AssertionException($"no total= in:\n{output}");
        }
    }

    /// <summary>The Pool session's total computed here, the same way: what the cluster must give, bit for bit.</summary>
    private static string ExpectedPoolBits()
    {
        var first = Enumerable.Range(0, ChunkCount).Select(i => Chunks.Sum(Chunks.Random(ChunkSize, Chunks.Seed(42, i))));
        var second = Enumerable.Range(0, SecondWave).Select(i => Chunks.Sum(Chunks.Random(SecondWaveSize, Chunks.Seed(43, i))));
        return BitConverter.DoubleToInt64Bits(Chunks.Sum([.. first, .. second])).ToString(CultureInfo.InvariantCulture);
    }

    private const int SecondWave = 160;
    private const int SecondWaveSize = 250_000;

    /// <summary>
    /// The seed's Pool session in two waves: random chunks and their sums, kept on the workers; then,
    /// once the first sum is in, a second wave is submitted and the script says "midway" (the test
    /// kills a worker at once: the first wave's values on it are lost, the second wave is running),
    /// waits for "go", and applies the total of all the sums.
    /// </summary>
    private static readonly string PoolScript = $$"""
        int chunks = int.Parse(args[0]);
        int length = int.Parse(args[1]);
        var pool = Cluster!.Pool;
        var a = pool.Map(Chunks.Random, Enumerable.Repeat(length, chunks), Enumerable.Range(0, chunks).Select(i => Chunks.Seed(42, i)));
        var b = pool.Map(Chunks.Sum, a);
        double first = await b[0].GetAsync();
        var c = pool.Map(Chunks.Random, Enumerable.Repeat({{SecondWaveSize}}, {{SecondWave}}), Enumerable.Range(0, {{SecondWave}}).Select(i => Chunks.Seed(43, i)));
        var d = pool.Map(Chunks.Sum, c);
        Console.WriteLine($"midway first={first}");
        Console.Out.Flush();
        Console.In.ReadLine(); // the test kills a worker, then says go
        var total = pool.Apply(Chunks.Sum, b.Concat(d).ToList());
        double t = await total.GetAsync();
        pool.Delete(a);
        pool.Delete(b);
        pool.Delete(c);
        pool.Delete(d);
        pool.Delete(total);
        Console.WriteLine($"pool total={t} bits={BitConverter.DoubleToInt64Bits(t)}");
        """;

    [GeneratedRegex(@"\btotal=(\S+)")]
    private static partial Regex TotalField();

    [GeneratedRegex(@"pool total=\S+ bits=(-?\d+)")]
    private static partial Regex BitsLine();
}
