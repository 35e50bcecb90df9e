using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Local;

/// <summary>
/// What local schedulers promise beyond the conformance suite: delegates run directly (no
/// serialization), shared work runs once, and a failure or cancellation starts no further task.
/// </summary>
[TestFixture("sync")]
[TestFixture("threads")]
public sealed class LocalSchedulerBehaviourTests(string kind)
{
    private IScheduler Create() => kind == "sync" ? new SynchronousScheduler() : new ThreadedScheduler(2);

    [Test, CancelAfter(60_000)]
    public async Task SharedInput_RunsOnce()
    {
        int runs = 0;
        var graph = new TaskGraph { ["top"] = TaskNode.Call(() => { Interlocked.Increment(ref runs); return 10; }) };
        for (int i = 0; i < 50; i++)
            graph[("mid", i)] = TaskNode.Call((int t) => t + 1, TaskArg.Ref("top"));
        graph["bottom"] = TaskNode.Call((int[] xs) => xs.Sum(), ArgList.OfRefs(Enumerable.Range(0, 50).Select(i => (TaskKey)("mid", i))));
        var result = await Create().ComputeAsync(graph, ["bottom"]);
        Assert.Multiple(() =>
        {
            Assert.That(result[0], Is.EqualTo(50 * 11));
            Assert.That(runs, Is.EqualTo(1));
        });
    }

    [Test, CancelAfter(60_000)]
    public void TaskException_CarriesTheOriginal_AndStopsTheRun()
    {
        int ran = 0;
        var graph = new TaskGraph { [("bad", 0)] = TaskNode.Call<int>(() => throw new InvalidOperationException("boom")) };
        for (int i = 0; i < 10_000; i++)
            graph[("ok", i)] = TaskNode.Call((int x) => { Interlocked.Increment(ref ran); return x; }, i);
        TaskKey[] keys = [("bad", 0), .. Enumerable.Range(0, 10_000).Select(i => (TaskKey)("ok", i))];
        var ex = Assert.ThrowsAsync<TaskFailedException>(async () => await Create().ComputeAsync(graph, keys));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.InnerException, Is.TypeOf<InvalidOperationException>());
            Assert.That(Volatile.Read(ref ran), Is.LessThan(5_000), "the run stopped after the failure");
        });
    }

    [Test, CancelAfter(60_000)]
    public void Cancellation_StartsNoFurtherTask()
    {
        using var cts = new CancellationTokenSource();
        int ran = 0;
        var graph = new TaskGraph();
        for (int i = 0; i < 10_000; i++)
        {
            int index = i;
            graph[("t", i)] = TaskNode.Call(() =>
            {
                if (Interlocked.Increment(ref ran) == 10)
                    cts.Cancel();
                return index;
            });
        }
        var keys = Enumerable.Range(0, 10_000).Select(i => (TaskKey)("t", i)).ToArray();
        Assert.CatchAsync<OperationCanceledException>(async () => await Create().ComputeAsync(graph, keys, cts.Token));
        Assert.That(Volatile.Read(ref ran), Is.LessThan(5_000));
    }
}
