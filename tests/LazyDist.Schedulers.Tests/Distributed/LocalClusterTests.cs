using System.Diagnostics;
using LazyDist.Collections;
using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed;

/// <summary>Real worker processes: killing one mid-run loses nothing.</summary>
public class LocalClusterTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Test, CancelAfter(120_000), Repeat(10)]
    public async Task KillAWorkerMidSeed_TotalExactlyAsOnThreads()
    {
        var sum = DistArray.Random(400L * 100_000, 100_000, seed: 42).Sum();
        double expected = sum.Compute(new ThreadedScheduler(2));
        await using var cluster = await LocalCluster.StartAsync(workers: 2, threadsPerWorker: 1);
        var running = cluster.ComputeAsync(sum.Graph, [sum.Key]).AsTask();
        await cluster.Center.WaitForAsync(s => s.CompletedTasks >= 200, CancellationToken.None).WaitAsync(Bound);
        using (var victim = Process.GetProcessById(cluster.WorkerProcessIds[0]))
            victim.Kill();
        var result = await running.WaitAsync(Bound);
        Assert.That(BitConverter.DoubleToInt64Bits((double)result[0]!), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)));
    }

    [Test, CancelAfter(120_000)]
    public async Task Dispose_LeavesNoWorkerProcess()
    {
        IReadOnlyList<int> pids;
        await using (var cluster = await LocalCluster.StartAsync(workers: 2))
            pids = cluster.WorkerProcessIds;
        foreach (int pid in pids)
            Assert.That(IsRunning(pid), Is.False, $"worker process {pid} is gone");
    }

    [Test, CancelAfter(120_000)]
    public async Task UnserializableCapture_RefusedAtSubmitNamingFieldAndType()
    {
        await using var cluster = await LocalCluster.StartAsync(workers: 1);
        using var stream = new MemoryStream();
        var graph = new TaskGraph { ["reads"] = TaskNode.Call((long x) => x + stream.Length, 1L) };
        var ex = Assert.ThrowsAsync<NotSupportedException>(async () => await cluster.ComputeAsync(graph, ["reads"]));
        Assert.That(ex!.Message, Does.Contain("task 'reads'").And.Contain("'stream'").And.Contain("MemoryStream"));
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
