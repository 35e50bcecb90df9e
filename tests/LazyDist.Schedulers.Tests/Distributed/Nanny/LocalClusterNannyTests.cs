using System.Diagnostics;
using LazyDist.Distributed;
using LazyDist.Graph;
using LazyDist.Schedulers.Tests.Distributed.Faults;
using LazyDist.Schedulers.Tests.Distributed.Security;

namespace LazyDist.Schedulers.Tests.Distributed.Nanny;

/// <summary>A <see cref="LocalCluster"/> as the nanny of its worker processes: it keeps its size, and restarts on demand. Real processes.</summary>
public class LocalClusterNannyTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    [Test, CancelAfter(600_000)]
    public async Task TaskKillsItsWorkerThreeTimes_VerdictNamesTheDeaths_ClusterKeepsItsTwoWorkers_LaterWorkExact()
    {
        var log = new RecordingLog();
        await using var cluster = await LocalCluster.StartAsync(new LocalClusterOptions { Workers = 2 }, log);
        using var bound = new CancellationTokenSource(Bound);
        var poison = new TaskGraph { ["poison"] = TaskNode.Call((int v) => KillThisProcess(v), 1) };
        var failed = Assert.ThrowsAsync<TaskFailedException>(async () => await cluster.ComputeAsync(poison, ["poison"], bound.Token));
        Assert.That(failed!.Message, Does.Contain("kept killing workers: 3 workers died").And.Contain("died (exit 137)"));

        await cluster.Center.WaitForAsync(s => s.WorkerCount == 2, bound.Token);
        Assert.That(cluster.Restarts, Is.EqualTo(3));
        Assert.That(log.Lines, Has.Some.Contains("died (exit 137); restarted by its nanny"));
        var (graph, total) = SeedGraphs.Build("delayed", chunks: 40, chunkSize: 50_000);
        double expected = (double)new ThreadedScheduler(2).Get(graph, total)!;
        Assert.That((double)(await cluster.ComputeAsync(graph, [total], bound.Token))[0]!, Is.EqualTo(expected));
    }

    [Test, CancelAfter(600_000)]
    public async Task RestartAsync_EveryWorkerProcessReplaced_ComputationsAfterItExact()
    {
        var log = new RecordingLog();
        await using var cluster = await LocalCluster.StartAsync(new LocalClusterOptions { Workers = 2 }, log);
        using var bound = new CancellationTokenSource(Bound);
        var before = cluster.WorkerProcessIds;
        await cluster.RestartAsync(bound.Token);
        Assert.That(cluster.WorkerProcessIds, Is.All.Not.AnyOf(before[0], before[1]), "new processes");
        Assert.That(cluster.Center.WorkerCount, Is.EqualTo(2));
        foreach (int pid in before)
            Assert.That(IsRunning(pid), Is.False, $"old worker process {pid} is gone");
        foreach (string name in new[] { "local-worker-0", "local-worker-1" })
            await log.WaitForAsync(l => l.Contains($"worker {name} was restarted by its cluster; restarted by its nanny", StringComparison.Ordinal)).WaitAsync(bound.Token);
        var (graph, total) = SeedGraphs.Build("array", chunks: 40, chunkSize: 50_000);
        double expected = (double)new ThreadedScheduler(2).Get(graph, total)!;
        Assert.That((double)(await cluster.ComputeAsync(graph, [total], bound.Token))[0]!, Is.EqualTo(expected));
    }

    [Test, CancelAfter(600_000)]
    public async Task RestartAsync_DuringARun_TheRunIsRecomputedExactly()
    {
        await using var cluster = await LocalCluster.StartAsync(new LocalClusterOptions { Workers = 2 });
        using var bound = new CancellationTokenSource(Bound);
        var (graph, total) = SeedGraphs.Build("graph", chunks: 200, chunkSize: 100_000);
        double expected = (double)new ThreadedScheduler(2).Get(graph, total)!;
        long before = cluster.Center.CompletedTasks;
        var running = cluster.ComputeAsync(graph, [total], bound.Token).AsTask();
        await cluster.Center.WaitForAsync(s => s.CompletedTasks >= before + 20, bound.Token);
        await cluster.RestartAsync(bound.Token);
        Assert.That((double)(await running.WaitAsync(bound.Token))[0]!, Is.EqualTo(expected));
    }

    [Test, CancelAfter(300_000)]
    public async Task RestartsOff_ADeadWorkerStaysDead()
    {
        await using var cluster = await LocalCluster.StartAsync(new LocalClusterOptions { Workers = 2, Nanny = new NannyOptions { Restarts = false } });
        using var bound = new CancellationTokenSource(Bound);
        using (var victim = Process.GetProcessById(cluster.WorkerProcessIds[0]))
            victim.Kill();
        await cluster.Center.WaitForAsync(s => s.WorkerCount == 1, bound.Token);
        var small = new TaskGraph { ["small"] = TaskNode.Call((int v) => v + 1, 41) };
        Assert.That((await cluster.ComputeAsync(small, ["small"], bound.Token))[0], Is.EqualTo(42));
        Assert.That(cluster.Restarts, Is.Zero);
    }

    [Test, CancelAfter(600_000)]
    public async Task WorkerKilledAfterItsNodeHeadsCame_ItsRestartedProcessIsSentThemAgain_RunExact()
    {
        // One worker: x 50 kills it after its connection carried both functions' heads and ran tasks by head id. The
        // nanny's new process starts from an empty head window, so the same part's tasks must bring their heads again.
        string marker = Path.Combine(Path.GetTempPath(), $"lazydist-heads-{Guid.NewGuid():N}");
        await using var cluster = await LocalCluster.StartAsync(new LocalClusterOptions { Workers = 1 });
        using var bound = new CancellationTokenSource(Bound);
        var graph = new TaskGraph();
        for (int i = 0; i < 100; i++)
            graph[("x", i)] = TaskNode.Call((string m, long v) => KillOnceThenSquare(m, v), marker, (long)i);
        graph[("s", 0)] = TaskNode.Call((long v) => v, TaskArg.Ref(("x", 0)));
        for (int i = 1; i < 100; i++)
            graph[("s", i)] = TaskNode.Call((long a, long b) => a + b, TaskArg.Ref(("s", i - 1)), TaskArg.Ref(("x", i)));
        try
        {
            var result = await cluster.ComputeAsync(graph, [("s", 99)], bound.Token);
            Assert.That(result[0], Is.EqualTo(Enumerable.Range(0, 100).Sum(i => (long)i * i)));
            Assert.That(File.Exists(marker), "x 50 killed the first process");
            Assert.That(cluster.Restarts, Is.EqualTo(1));
        }
        finally
        {
            File.Delete(marker);
        }
    }

    private static long KillOnceThenSquare(string marker, long v)
    {
        if (v == 50 && !File.Exists(marker))
        {
            File.WriteAllText(marker, "killed");
            Process.GetCurrentProcess().Kill();
        }
        return v * v;
    }

    private static int KillThisProcess(int v)
    {
        Process.GetCurrentProcess().Kill();
        return v;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
