using LazyDist.Distributed;
using LazyDist.Graph;
using LazyDist.Schedulers.Tests.Distributed.Faults;
using LazyDist.Schedulers.Tests.Distributed.Security;

namespace LazyDist.Schedulers.Tests.Distributed.Memory;

/// <summary>
/// The hanging fan-in, scaled down: one task needs more input than its worker may hold. Real
/// <c>lazydist worker</c> processes with their nannies and a memory limit.
/// </summary>
public class FanInBeyondTheLimitTests
{
    private const int Parts = 30;
    private const int PartLength = 3_125_000; // 25 MB each, 750 MB in all, against 600 MB per worker

    /// <summary>
    /// The inputs fit the cluster (spilled where they must), but the fan-in needs all of them in one process at
    /// once: it either completes (exact) or fails saying the memory killed its workers — it never hangs and
    /// never returns a wrong sum.
    /// </summary>
    [Test, CancelAfter(600_000)]
    public async Task FanInNeedingMoreThanAWorkersLimit_ExactOrFailsNamingTheMemory_NeverHangs()
    {
        var log = new RecordingLog();
        // Both workers may be down at once while their nannies restart them; on a loaded machine a restart can take
        // longer than the center's default 60 s without workers, which would fail the fan-in for a reason this test
        // is not about. The no-workers timeout has its own tests.
        await using var center = await CenterHost.StartAsync(new CenterOptions { Port = 0, NoWorkersTimeout = TimeSpan.FromMinutes(7) }, log);
        await using var first = CliProcess.Start("fan-w1", ["worker", center.Address, "--nthreads", "1", "--name", "fan-w1", "--memory-limit", "600MB"]);
        await using var second = CliProcess.Start("fan-w2", ["worker", center.Address, "--nthreads", "1", "--name", "fan-w2", "--memory-limit", "600MB"]);
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await center.WaitForWorkersAsync(2, bound.Token);
        await using var client = await DistributedScheduler.ConnectAsync(center.Address);

        var graph = new TaskGraph();
        for (int i = 0; i < Parts; i++)
            graph[("part", i)] = TaskNode.Call((int v) => Filled(v), i);
        graph["fan-in"] = TaskNode.Call((double[][] parts) => parts.Sum(p => p.Sum()), ArgList.OfRefs(Enumerable.Range(0, Parts).Select(i => (TaskKey)("part", i))));
        double expected = (double)PartLength * Parts * (Parts - 1) / 2;

        object? result = null;
        TaskFailedException? failure = null;
        try
        {
            result = (await client.ComputeAsync(graph, ["fan-in"], bound.Token))[0];
        }
        catch (TaskFailedException e)
        {
            failure = e;
        }
        if (failure is null)
            Assert.That(result, Is.EqualTo(expected), "completed: exact");
        else
            Assert.That(failure.Message, Does.Contain("kept killing workers").And.Contain("exceeded 95% of 600.0 MB"), "failed: the verdict names the memory");
        TestContext.Out.WriteLine(failure is null ? $"completed: {result}" : $"failed: {failure.Message}");
    }

    private static double[] Filled(int value)
    {
        var part = new double[PartLength];
        Array.Fill(part, value);
        return part;
    }
}
