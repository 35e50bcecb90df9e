using LazyDist.Distributed;
using LazyDist.Distributed.Center;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Stealing;

/// <summary>
/// Work stealing on real worker processes: data placement gives one worker every task of a graph
/// while the other is idle. The tasks block until the test opens a gate, so the idle worker can only
/// get work by stealing, whatever the machine's speed; the center's counters and stories say it did,
/// and every value is exact.
/// </summary>
public class WorkStealingClusterTests
{
    private const int Readers = 6;
    private string _gate = "";

    [SetUp]
    public void MakeGate() => _gate = Path.Combine(Path.GetTempPath(), $"lazydist-steal-gate-{Guid.NewGuid():N}");

    [TearDown]
    public void RemoveGate() => File.Delete(_gate);

    /// <summary><c>in</c>, and readers of it that each wait for the gate file (a bounded wait) and return <c>in + i</c>.</summary>
    private static TaskGraph Skewed(string gate)
    {
        var graph = new TaskGraph { ["in"] = TaskNode.FromValue(1000L) };
        for (int i = 0; i < Readers; i++)
        {
            graph[("slow", i)] = TaskNode.Call((long x, string path, int n) =>
            {
                var give = DateTime.UtcNow.AddMinutes(3);
                while (!File.Exists(path))
                {
                    if (DateTime.UtcNow > give)
                        throw new TimeoutException($"the gate {path} never opened");
                    Thread.Sleep(5);
                }
                return x + n;
            }, TaskArg.Ref("in"), gate, i);
        }
        return graph;
    }

    [Test, CancelAfter(240_000)]
    public async Task Compute_EveryTaskPlacedOnOneWorker_IdleWorkerStealsQueuedOnes_ValuesExact()
    {
        await using var cluster = await LocalCluster.StartAsync(workers: 2);
        var keys = Enumerable.Range(0, Readers).Select(i => (TaskKey)("slow", i)).ToArray();
        var running = cluster.Client.ComputeAsync(Skewed(_gate), keys).AsTask();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        // Every reader went to in's holder; the other worker is idle until the center steals for it.
        await Task.WhenAny(running, cluster.Center.WaitForAsync(s => s.StolenTasks >= 1, bound.Token));
        Assert.That(running.IsCompleted, Is.False, running.Exception?.ToString());
        File.WriteAllText(_gate, "open");
        var values = await running.WaitAsync(bound.Token);
        Assert.That(values, Is.EqualTo(Enumerable.Range(0, Readers).Select(i => (object)(1000L + i))));
        long stolen = 0;
        var moved = new List<TaskKey>();
        await cluster.Center.WaitForAsync(s =>
        {
            stolen = s.StolenTasks;
            moved.AddRange(keys.Where(k => s.Story(k).Any(r => r.From == CenterTaskStatus.Processing && r.To == CenterTaskStatus.Processing)));
            return true;
        }, bound.Token);
        Assert.That(stolen, Is.GreaterThanOrEqualTo(1));
        Assert.That(moved, Is.Not.Empty, "a stolen task's story shows its move from the victim to the thief");
    }
}
