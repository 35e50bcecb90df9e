using System.Globalization;

namespace LazyDist.Cli.Tests;

public class SeedCommandTests
{
    private static readonly string[] Small = ["--chunks", "40", "--chunk-size", "250000"];

    [TestCase("array")]
    [TestCase("delayed")]
    [TestCase("graph")]
    public void Seed_SyncAndThreads_BitIdenticalTotals_NearHalfOfElements(string api)
    {
        var sync = CliRun.InProcess(["seed", .. Small, "--api", api, "--scheduler", "sync"]);
        var threads = CliRun.InProcess(["seed", .. Small, "--api", api, "--scheduler", "threads:2"]);
        double total = double.Parse(sync.Fields()["total"], CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(sync.ExitCode, Is.Zero, sync.Error);
            Assert.That(threads.ExitCode, Is.Zero, threads.Error);
            Assert.That(threads.Fields()["total"], Is.EqualTo(sync.Fields()["total"]));
            Assert.That(total, Is.EqualTo(40 * 250_000 / 2.0).Within(0.05).Percent);
        });
    }

    [Test]
    public void Seed_PrintsOneLineOfFields()
    {
        var run = CliRun.InProcess(["seed", "--chunks", "3", "--chunk-size", "10", "--scheduler", "threads:2", "--seed", "5"]);
        var fields = run.Fields();
        Assert.Multiple(() =>
        {
            Assert.That(run.Output, Does.StartWith("seed api=array scheduler=threads:2 chunks=3 chunk_size=10 seconds="));
            Assert.That(run.Output.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(fields.Keys, Is.SupersetOf(new[] { "total", "seconds", "peak_chunks" }));
            Assert.That(int.Parse(fields["peak_chunks"], CultureInfo.InvariantCulture), Is.InRange(1, 4));
        });
    }

    [Test]
    public void Seed_ApisAgreeToRounding()
    {
        double Total(string api) => double.Parse(CliRun.InProcess(["seed", .. Small, "--api", api, "--scheduler", "sync"]).Fields()["total"], CultureInfo.InvariantCulture);
        double array = Total("array");
        Assert.Multiple(() =>
        {
            Assert.That(Total("delayed"), Is.EqualTo(array).Within(1e-9).Percent);
            Assert.That(Total("graph"), Is.EqualTo(array).Within(1e-9).Percent);
        });
    }

    [TestCase("--scheduler", "gpu", "--scheduler 'gpu' is not a scheduler")]
    [TestCase("--scheduler", "threads:0", "must be a whole number of at least 1")]
    [TestCase("--chunks", "0", "--chunks must be at least 1, got 0")]
    [TestCase("--chunk-size", "-5", "--chunk-size must be at least 1, got -5")]
    [TestCase("--chunks", "many", "'many'")]
    [TestCase("--api", "numpy", "--api 'numpy' is not an API")]
    [TestCase("--bogus", "1", "--bogus")]
    public void Seed_BadArgument_OneLineAndExitCode2(string option, string value, string expected)
    {
        var run = CliRun.InProcess("seed", option, value);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), run.Error);
            Assert.That(run.Error, Does.Contain(expected));
            Assert.That(run.Error, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(run.Output, Is.Empty);
        });
    }

    [Test, CancelAfter(360_000)]
    public async Task Seed_RealProcess_RunsAndRejectsBadInput()
    {
        var ok = await CliRun.AsProcessAsync("seed", "--chunks", "8", "--chunk-size", "1000");
        var bad = await CliRun.AsProcessAsync("seed", "--scheduler", "nope");
        Assert.Multiple(() =>
        {
            Assert.That(ok.ExitCode, Is.Zero, ok.Error);
            Assert.That(ok.Output, Does.StartWith("seed api=array scheduler=threads chunks=8"));
            Assert.That(bad.ExitCode, Is.EqualTo(2));
            Assert.That(bad.Error.Trim(), Is.EqualTo("lazydist: --scheduler 'nope' is not a scheduler (expected sync | threads[:N] | processes[:N] | tcp://HOST:PORT)"));
        });
    }
}
