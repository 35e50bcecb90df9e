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
        // Deterministic on a machine of any speed: on threads, the first ok task to start blocks until
        // the run has failed, so every other thread runs exactly the tasks ordered before the bad one.
        using var gate = new ManualResetEventSlim(kind == "sync");
        using var firstDone = new ManualResetEventSlim();
        using var firstStarted = new ManualResetEventSlim(kind == "sync");
        int ran = 0, started = 0;
        var graph = new TaskGraph
        {
            [("bad", 0)] = TaskNode.Call<int>(() =>
            {
                firstStarted.Wait(); // on threads, the other thread is busy with an ok task by now
                throw new InvalidOperationException("boom");
            }),
        };
        for (int i = 0; i < 10_000; i++)
        {
            graph[("ok", i)] = TaskNode.Call((int x) =>
            {
                bool first = Interlocked.Increment(ref started) == 1;
                if (first)
                {
                    firstStarted.Set();
                    gate.Wait();
                }
                Interlocked.Increment(ref ran);
                if (first)
                    firstDone.Set();
                return x;
            }, i);
        }
        TaskKey[] keys = [("bad", 0), .. Enumerable.Range(0, 10_000).Select(i => (TaskKey)("ok", i))];
        int before = graph.Order(keys)[("bad", 0)]; // tasks the static order puts before the bad one
        var ex = Assert.ThrowsAsync<TaskFailedException>(async () => await Create().ComputeAsync(graph, keys));
        gate.Set();
        if (Volatile.Read(ref started) > 0)
            firstDone.Wait(); // the blocked task, released, counts itself
        Assert.Multiple(() =>
        {
            Assert.That(ex!.InnerException, Is.TypeOf<InvalidOperationException>());
            Assert.That(Volatile.Read(ref ran), Is.EqualTo(kind == "sync" ? before : Math.Max(before, 1)), "no task started after the failure");
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
        // Once Cancel returns no task starts; each other thread may have taken one task just before.
        Assert.That(Volatile.Read(ref ran), Is.InRange(10, kind == "sync" ? 10 : 10 + 1));
    }
}
