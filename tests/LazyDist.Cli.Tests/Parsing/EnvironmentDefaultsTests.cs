using LazyDist.Distributed;

namespace LazyDist.Cli.Tests.Parsing;

/// <summary>Every option falls back to its <c>LAZYDIST_*</c> variable; flags win; bad variables are named.</summary>
public class EnvironmentDefaultsTests
{
    private static readonly string[] Small = ["--chunks", "3", "--chunk-size", "10"];

    [Test]
    public void Seed_SchedulerFromEnvironment_RunsThere()
    {
        var run = CliRun.InProcessWith(new Dictionary<string, string> { ["LAZYDIST_SCHEDULER"] = "sync", ["LAZYDIST_CHUNKS"] = "4" }, "seed", "--chunk-size", "10");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.Fields()["scheduler"], Is.EqualTo("sync"));
            Assert.That(run.Fields()["chunks"], Is.EqualTo("4"));
        });
    }

    [Test]
    public void Seed_FlagAndVariable_FlagWins()
    {
        var run = CliRun.InProcessWith(new Dictionary<string, string> { ["LAZYDIST_SCHEDULER"] = "sync" }, ["seed", .. Small, "--scheduler", "threads:2"]);
        Assert.That(run.Fields()["scheduler"], Is.EqualTo("threads:2"), run.Error);
    }

    [TestCase("LAZYDIST_CHUNKS", "abc", "seed", "lazydist: LAZYDIST_CHUNKS='abc' is not a valid value for --chunks (expected a whole number)")]
    [TestCase("LAZYDIST_CHUNKS", "0", "seed", "lazydist: --chunks must be at least 1, got 0 (from LAZYDIST_CHUNKS)")]
    [TestCase("LAZYDIST_PORT", "70000", "center", "lazydist: --port must be between 0 and 65535, got 70000 (from LAZYDIST_PORT)")]
    [TestCase("LAZYDIST_SCHEDULER", "gpu", "seed", "lazydist: --scheduler 'gpu' is not a scheduler (expected sync | threads[:N] | processes[:N] | tcp://HOST:PORT) (from LAZYDIST_SCHEDULER)")]
    [TestCase("LAZYDIST_LOG_LEVEL", "loud", "center", "lazydist: --log-level 'loud' is not a log level (expected trace | debug | information | warning | error | critical | none) (from LAZYDIST_LOG_LEVEL)")]
    public void BadVariable_OneLineNamingItExit2(string variable, string value, string command, string expected)
    {
        var run = CliRun.InProcessWith(new Dictionary<string, string> { [variable] = value }, command);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Is.EqualTo(expected + Environment.NewLine));
        });
    }

    [Test]
    public void Help_NamesVariables_NeverShowsTheToken()
    {
        var run = CliRun.InProcessWith(new Dictionary<string, string> { ["LAZYDIST_TOKEN"] = "s3cret-value", ["LAZYDIST_PORT"] = "9999" }, "center", "--help");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero);
            Assert.That(run.Output, Does.Contain("[env: LAZYDIST_TOKEN]").And.Contain("[env: LAZYDIST_PORT]").And.Contain("[env: LAZYDIST_LOG_LEVEL]"));
            Assert.That(run.Output, Does.Contain("[default: 9999]"), "a variable is the default it shows");
            Assert.That(run.Output, Does.Not.Contain("s3cret-value"));
        });
    }

    /// <summary>A center that needs a token, reached by <c>seed</c> with the token in <c>LAZYDIST_TOKEN</c> only.</summary>
    [Test, CancelAfter(120_000)]
    public async Task Seed_TokenFromEnvironment_ReachesACenterThatNeedsIt()
    {
        const string Token = "s3cret";
        await using var center = await CenterHost.StartAsync(new CenterOptions { Port = 0, Token = Token });
        await using var worker = await WorkerHost.StartAsync(new WorkerOptions { CenterAddress = center.Address, Token = Token, Threads = 1, Name = "env-worker" });
        string[] args = ["seed", .. Small, "--scheduler", $"tcp://{center.Address}"];
        var withToken = await Task.Run(() => CliRun.InProcessWith(new Dictionary<string, string> { ["LAZYDIST_TOKEN"] = Token }, args));
        var without = await Task.Run(() => CliRun.InProcess(args));
        Assert.Multiple(() =>
        {
            Assert.That(withToken.ExitCode, Is.Zero, withToken.Error);
            Assert.That(withToken.Fields()["scheduler"], Is.EqualTo($"tcp://{center.Address}"));
            Assert.That(without.ExitCode, Is.EqualTo(1), "refused without the token");
        });
    }
}
