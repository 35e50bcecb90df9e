using System.Diagnostics;
using System.Globalization;
using LazyDist.Distributed;
using LazyDist.Graph;
using LazyDist.Schedulers.Tests.Distributed.Faults;
using LazyDist.Schedulers.Tests.Distributed.Security;

namespace LazyDist.Schedulers.Tests.Distributed.Nanny;

/// <summary>
/// <c>lazydist worker</c> with its nanny, as a user runs it: a real center, the real CLI, real
/// worker processes killed by real signals.
/// </summary>
public class NannyProcessTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    [Test, CancelAfter(600_000)]
    public async Task SigkillTheWorkerProcessMidSeed_NannyRestartsIt_RunExact_CenterLogNamesTheRestart_SigtermStopsBoth()
    {
        var log = new RecordingLog();
        await using var center = await CenterHost.StartAsync(new CenterOptions { Port = 0 }, log);
        await using var nanny = CliProcess.Start("nanny", ["worker", center.Address, "--nthreads", "1", "--name", "nanny-w1"]);
        int first = await ChildAsync(nanny, "nanny-w1");
        using var bound = new CancellationTokenSource(Bound);
        await center.WaitForWorkersAsync(1, bound.Token);
        await using var client = await DistributedScheduler.ConnectAsync(center.Address);

        var (graph, total) = SeedGraphs.Build("array", chunks: 200, chunkSize: 100_000);
        double expected = (double)new ThreadedScheduler(2).Get(graph, total)!;
        long before = center.CompletedTasks;
        var running = client.ComputeAsync(graph, [total], bound.Token).AsTask();
        await center.WaitForAsync(s => s.CompletedTasks >= before + 20, bound.Token).WaitAsync(bound.Token);
        using (var victim = Process.GetProcessById(first))
            victim.Kill(); // SIGKILL, mid-run: the only worker, so the run needs the new process

        Assert.That((double)(await running.WaitAsync(bound.Token))[0]!, Is.EqualTo(expected), "the seed, exact, across the restart");
        await nanny.WaitForLineAsync(l => l.Contains("worker nanny-w1 died (exit 137); restarting", StringComparison.Ordinal)).WaitAsync(bound.Token);
        await log.WaitForAsync(l => l.Contains("worker nanny-w1 died (exit 137); restarted by its nanny", StringComparison.Ordinal)).WaitAsync(bound.Token);
        int second = await ChildAsync(nanny, "nanny-w1", skip: 1);
        Assert.That(second, Is.Not.EqualTo(first));

        using var replacement = Process.GetProcessById(second);
        Assert.That(Signal(nanny.Id, "TERM"), Is.Zero);
        Assert.That(await nanny.ExitCodeAsync(Bound), Is.Zero, "the nanny stops cleanly");
        await replacement.WaitForExitAsync(bound.Token); // no orphan
        Assert.That(nanny.Lines, Has.Some.Contains("worker nanny-w1 stopped (exit 0); the nanny stops"), "the worker process stopped cleanly first");
    }

    [Test, CancelAfter(300_000)]
    public async Task NannyKilled_ItsWorkerProcessExitsToo()
    {
        await using var center = await CenterHost.StartAsync(new CenterOptions { Port = 0 });
        await using var nanny = CliProcess.Start("nanny", ["worker", center.Address, "--nthreads", "1", "--name", "orphan-w1"]);
        int child = await ChildAsync(nanny, "orphan-w1");
        using var worker = Process.GetProcessById(child);
        using var bound = new CancellationTokenSource(Bound);
        await center.WaitForWorkersAsync(1, bound.Token);
        using (var process = Process.GetProcessById(nanny.Id))
            process.Kill(); // SIGKILL: the nanny runs no cleanup; its worker process sees its standard input close
        await worker.WaitForExitAsync(bound.Token);
        await center.WaitForAsync(s => s.WorkerCount == 0, bound.Token);
    }

    [Test, CancelAfter(600_000)]
    public async Task TaskAboveTheMemoryLimit_NannyRestartsTheWorker_ThreeTimesIsAVerdictNamingTheMemory_LaterWorkRuns()
    {
        var log = new RecordingLog();
        await using var center = await CenterHost.StartAsync(new CenterOptions { Port = 0 }, log);
        await using var nanny = CliProcess.Start("nanny", ["worker", center.Address, "--nthreads", "1", "--name", "hog-w1", "--memory-limit", "600MB"]);
        using var bound = new CancellationTokenSource(Bound);
        await center.WaitForWorkersAsync(1, bound.Token);
        await using var client = await DistributedScheduler.ConnectAsync(center.Address);

        var hog = new TaskGraph { ["hog"] = TaskNode.Call((int bytes) => Hog(bytes), 1_200_000_000) };
        var failed = Assert.ThrowsAsync<TaskFailedException>(async () => await client.ComputeAsync(hog, ["hog"], bound.Token));
        Assert.That(failed!.Message, Does.Contain("kept killing workers").And.Contain("hog-w1 exceeded 95% of 600.0 MB"));
        Assert.That(nanny.Lines.Count(l => l.Contains("worker hog-w1 exceeded 95% of 600.0 MB", StringComparison.Ordinal)), Is.EqualTo(3));

        await center.WaitForWorkersAsync(1, bound.Token); // the fourth process, after the verdict
        var small = new TaskGraph { ["small"] = TaskNode.Call((int v) => v + 1, 41) };
        Assert.That((await client.ComputeAsync(small, ["small"], bound.Token))[0], Is.EqualTo(42));
        Assert.That(center.Restarts, Is.GreaterThanOrEqualTo(2), "restarts reported by the new processes");
    }

    /// <summary>Touches <paramref name="bytes"/> of memory and holds it: only its nanny ends it.</summary>
    private static int Hog(int bytes)
    {
        var block = new byte[bytes];
        for (int i = 0; i < block.Length; i += 4096)
            block[i] = 1;
        Thread.Sleep(Timeout.Infinite);
        return block.Length;
    }

    /// <summary>The worker process id from the nanny's <c>runs as process N</c> line (after <paramref name="skip"/> earlier ones).</summary>
    internal static async Task<int> ChildAsync(CliProcess nanny, string name, int skip = 0)
    {
        string marker = $"worker {name} runs as process ";
        int seen = 0;
        string line = await nanny.WaitForLineAsync(l => l.Contains(marker, StringComparison.Ordinal) && seen++ == skip).WaitAsync(Bound);
        return int.Parse(line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>Sends a signal by name, as a service manager would; <c>kill</c>'s exit code.</summary>
    internal static int Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        return kill.ExitCode;
    }
}
