using System.Diagnostics;
using LazyDist.Cli.Tests.Scripting;

namespace LazyDist.Cli.Tests;

/// <summary>
/// <c>lazydist run</c>'s progress bars: drawn for every compute of the script when stderr is a
/// terminal (a real pseudo-terminal from util-linux's <c>script</c>), on a local and a cluster
/// scheduler; nothing on a pipe.
/// </summary>
public class RunProgressTests
{
    private const string Script = """
        var x = DistArray.Random(400_000, chunkSize: 50_000, seed: 3);
        Console.WriteLine($"first={x.Sum().Compute():R}");
        Console.WriteLine($"second={await (x + 1).Sum().ComputeAsync(Scheduler):R}");
        Console.WriteLine($"scheduler={Scheduler}");
        """;

    private const string Pty = "/usr/bin/script";

    [TestCase("sync"), TestCase("processes:2"), CancelAfter(240_000)]
    public async Task Run_StderrATerminal_DrawsBarsForEachComputeAndKeepsTheScriptsOutput(string scheduler, CancellationToken cancellationToken)
    {
        if (!File.Exists(Pty))
            Assert.Ignore($"{Pty} (util-linux) is not installed: no pseudo-terminal to run in");
        using var folder = new ScriptFolder();
        string path = folder.Write("bars.csx", Script);
        string command = string.Join(' ', new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "lazydist.dll"), "run", path, "--scheduler", scheduler }.Select(Quote));
        var start = new ProcessStartInfo(Pty) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in new[] { "--quiet", "--return", "--flush", "--command", command, "/dev/null" })
            start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("LAZYDIST_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        start.Environment["TERM"] = "xterm-256color";
        start.Environment["COLUMNS"] = "120";
        using var process = Process.Start(start)!;
        var terminal = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        string seen = await terminal;

        Assert.Multiple(async () =>
        {
            Assert.That(process.ExitCode, Is.Zero, seen + await error);
            Assert.That(seen, Does.Contain("first=").And.Contain("second=").And.Contain($"scheduler={scheduler}"), "the script's output, and Scheduler named as chosen");
            Assert.That(Bars(seen), Is.GreaterThanOrEqualTo(2), "a progress display for each of the two computes:\n" + seen);
        });
    }

    [Test, CancelAfter(240_000)]
    public async Task Run_Piped_DrawsNothing()
    {
        using var folder = new ScriptFolder();
        string path = folder.Write("piped.csx", Script);
        var run = await CliRun.AsProcessAsync("run", path, "--scheduler", "processes:2");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.Error, Is.Empty);
            Assert.That(run.Output, Does.Contain("first=").And.Contain("second=").And.Not.Contain("\u001b["));
        });
    }

    /// <summary>How many separate progress displays the terminal saw: runs of bar lines ("tasks …") between lines of the script's output.</summary>
    private static int Bars(string terminal)
    {
        int displays = 0;
        bool inDisplay = false;
        foreach (string line in terminal.Split('\n'))
        {
            if (line.Contains("tasks", StringComparison.Ordinal))
            {
                displays += inDisplay ? 0 : 1;
                inDisplay = true;
            }
            else if (line.Contains("first=", StringComparison.Ordinal) || line.Contains("second=", StringComparison.Ordinal))
            {
                inDisplay = false;
            }
        }
        return displays;
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
