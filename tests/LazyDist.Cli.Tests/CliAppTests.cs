using LazyDist.Cli.Tests.Scripting;

namespace LazyDist.Cli.Tests;

/// <summary>How <c>lazydist</c> behaves as a program: help, log levels, Ctrl+C — real processes where signals matter.</summary>
public class CliAppTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Test]
    public void NoCommand_PrintsHelpExit0()
    {
        var run = CliRun.InProcess();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero);
            Assert.That(run.Output, Does.Contain("Usage:").And.Contain("seed").And.Contain("center").And.Contain("worker").And.Contain("run"));
            Assert.That(run.Error, Is.Empty);
        });
    }

    [Test, CancelAfter(540_000)]
    public async Task LogLevel_FlagOrVariable_ShowsInformationLines_QuietByDefault()
    {
        string[] seed = ["seed", "--chunks", "2", "--chunk-size", "10", "--scheduler", "sync"];
        var quiet = await CliRun.AsProcessAsync(seed);
        var flag = await CliRun.AsProcessAsync([.. seed, "--log-level", "information"]);
        var variable = await CliRun.AsProcessWithAsync(new Dictionary<string, string> { ["LAZYDIST_LOG_LEVEL"] = "info" }, seed);
        Assert.Multiple(() =>
        {
            Assert.That(quiet.ExitCode, Is.Zero, quiet.Error);
            Assert.That(quiet.Error, Is.Empty);
            Assert.That(flag.Error, Does.Contain("running the seed: 2 chunks of 10 through the array API on sync"));
            Assert.That(variable.Error, Does.Contain("running the seed"));
        });
    }

    /// <summary>Ctrl+C in the middle of a long seed on worker processes: "cancelled", 130, and the workers go too.</summary>
    [Test, CancelAfter(180_000)]
    public async Task Seed_CtrlC_PrintsCancelledExits130WorkersGone()
    {
        using var process = CliRun.Start("seed", "--scheduler", "processes:2", "--chunks", "100000", "--chunk-size", "1000000", "--log-level", "information");
        var output = process.StandardOutput.ReadToEndAsync();
        await ReadUntilAsync(process.StandardError, "running the seed");
        var workers = await ClusterCommandTests.ChildrenAsync(process.Id, count: 2);
        Assert.That(CliRun.Signal(process.Id, "INT"), Is.Zero, "SIGINT delivered");
        string rest = await process.StandardError.ReadToEndAsync().WaitAsync(Bound);
        await process.WaitForExitAsync().WaitAsync(Bound);
        foreach (var worker in workers)
        {
            using (worker)
                await worker.WaitForExitAsync().WaitAsync(Bound);
        }
        Assert.Multiple(async () =>
        {
            Assert.That(process.ExitCode, Is.EqualTo(130), rest);
            Assert.That(rest, Does.Contain("lazydist: cancelled"));
            Assert.That(rest, Does.Not.Contain("Exception"));
            Assert.That(await output, Is.Empty, "no result line");
        });
    }

    /// <summary>Ctrl+C while a script blocks in a long computation: "cancelled", 130, at once.</summary>
    [Test, CancelAfter(180_000)]
    public async Task Run_CtrlC_WhileScriptBlocks_PrintsCancelledExits130()
    {
        using var folder = new ScriptFolder();
        string path = folder.Write("long.csx", """
            Console.WriteLine("started");
            var x = DistArray.Random(100_000L * 1_000_000, 1_000_000, seed: 1);
            Console.WriteLine(x.Sum().Compute());
            """);
        using var process = CliRun.Start("run", path, "--scheduler", "threads:2");
        var error = process.StandardError.ReadToEndAsync();
        await ReadUntilAsync(process.StandardOutput, "started");
        Assert.That(CliRun.Signal(process.Id, "INT"), Is.Zero, "SIGINT delivered");
        await process.WaitForExitAsync().WaitAsync(Bound);
        Assert.Multiple(async () =>
        {
            Assert.That(process.ExitCode, Is.EqualTo(130), await error);
            Assert.That(await error, Is.EqualTo("lazydist: cancelled\n"));
        });
    }

    /// <summary>Reads lines until one contains <paramref name="text"/> (the program says it got there: no sleeping).</summary>
    private static async Task ReadUntilAsync(StreamReader reader, string text)
    {
        string? line;
        do
            line = await reader.ReadLineAsync().WaitAsync(Bound);
        while (line is not null && !line.Contains(text, StringComparison.Ordinal));
        Assert.That(line, Is.Not.Null, $"the program ended before printing '{text}'");
    }
}
