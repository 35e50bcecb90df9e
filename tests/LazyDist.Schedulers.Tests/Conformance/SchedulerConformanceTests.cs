using LazyDist.Collections;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Conformance;

/// <summary>
/// What every scheduler must do, run against each one by a tiny sealed subclass (the model is
/// System.Threading.Channels' ChannelTestBase). Later schedulers — local processes, TCP clusters —
/// inherit this fixture too.
/// </summary>
public abstract class SchedulerConformanceTests
{
    protected static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    /// <summary>A fresh scheduler for one test.</summary>
    protected abstract IScheduler CreateScheduler();

    /// <summary>How many tasks the scheduler runs at once.</summary>
    protected abstract int Parallelism { get; }

    protected async Task<object?[]> ComputeAsync(IScheduler scheduler, TaskGraph graph, params TaskKey[] keys) =>
        await scheduler.ComputeAsync(graph, keys).AsTask().WaitAsync(Bound);

    [Test, CancelAfter(60_000)]
    public async Task Chain_10000Long_ComputesTheEnd()
    {
        var graph = new TaskGraph { [("c", 0)] = TaskNode.FromValue(0L) };
        for (int i = 1; i < 10_000; i++)
            graph[("c", i)] = TaskNode.Call((long x) => x + 1, TaskArg.Ref(("c", i - 1)));
        var result = await ComputeAsync(CreateScheduler(), graph, ("c", 9_999));
        Assert.That(result[0], Is.EqualTo(9_999L));
    }

    [Test, CancelAfter(60_000)]
    public async Task FanIn_10000Wide_SumsEveryInput()
    {
        var graph = new TaskGraph();
        for (int i = 0; i < 10_000; i++)
            graph[("v", i)] = TaskNode.Call((int x) => (long)x * 2, i);
        graph["sum"] = TaskNode.Call((long[] xs) => xs.Sum(), ArgList.OfRefs(Enumerable.Range(0, 10_000).Select(i => (TaskKey)("v", i))));
        var result = await ComputeAsync(CreateScheduler(), graph, "sum");
        Assert.That(result[0], Is.EqualTo(2L * (9_999L * 10_000 / 2)));
    }

    [Test, CancelAfter(60_000)]
    public async Task Diamonds_SharedInputRunsOnce()
    {
        int runs = 0;
        var graph = new TaskGraph();
        graph["top"] = TaskNode.Call(() => { Interlocked.Increment(ref runs); return 10; });
        for (int i = 0; i < 50; i++)
            graph[("mid", i)] = TaskNode.Call((int t) => t + 1, TaskArg.Ref("top"));
        graph["bottom"] = TaskNode.Call((int[] xs) => xs.Sum(), ArgList.OfRefs(Enumerable.Range(0, 50).Select(i => (TaskKey)("mid", i))));
        var result = await ComputeAsync(CreateScheduler(), graph, "bottom");
        Assert.Multiple(() =>
        {
            Assert.That(result[0], Is.EqualTo(50 * 11));
            Assert.That(runs, Is.EqualTo(1));
        });
    }

    [Test, CancelAfter(60_000)]
    public async Task SeveralKeys_ReturnedInRequestOrder()
    {
        var graph = new TaskGraph { ["a"] = TaskNode.FromValue(1), ["b"] = TaskNode.FromValue(2), ["c"] = TaskNode.FromValue(3) };
        var result = await ComputeAsync(CreateScheduler(), graph, "c", "a", "b", "a");
        Assert.That(result, Is.EqualTo(new object[] { 3, 1, 2, 1 }));
    }

    [Test, CancelAfter(60_000)]
    public async Task NoKeys_EmptyResult()
    {
        var result = await ComputeAsync(CreateScheduler(), new TaskGraph());
        Assert.That(result, Is.Empty);
    }

    [Test, CancelAfter(60_000)]
    public void MissingKey_ValidationErrorNamesIt()
    {
        var graph = new TaskGraph { ["a"] = TaskNode.FromValue(1) };
        var ex = Assert.ThrowsAsync<GraphValidationException>(() => ComputeAsync(CreateScheduler(), graph, ("nope", 4)));
        Assert.That(ex!.Message, Does.Contain("('nope', 4)"));
    }

    [Test, CancelAfter(60_000)]
    public void MissingDependency_ValidationErrorNamesBoth()
    {
        var graph = new TaskGraph { ["a"] = TaskNode.Call((int x) => x, TaskArg.Ref("ghost")) };
        var ex = Assert.ThrowsAsync<GraphValidationException>(() => ComputeAsync(CreateScheduler(), graph, "a"));
        Assert.That(ex!.Keys, Is.EqualTo(new TaskKey[] { "a", "ghost" }));
    }

    [Test, CancelAfter(60_000)]
    public void Cycle_ValidationErrorNamesTheCycle()
    {
        var graph = new TaskGraph
        {
            ["a"] = TaskNode.Call((int x) => x, TaskArg.Ref("b")),
            ["b"] = TaskNode.Call((int x) => x, TaskArg.Ref("a")),
        };
        var ex = Assert.ThrowsAsync<GraphValidationException>(() => ComputeAsync(CreateScheduler(), graph, "a"));
        Assert.That(ex!.Message, Does.Contain("cycle").And.Contain("'a'").And.Contain("'b'"));
    }

    [Test, CancelAfter(60_000)]
    public void TaskException_ReachesCallerWithKeyAndOriginal_AndStopsTheRun()
    {
        int ran = 0;
        var graph = new TaskGraph();
        graph[("bad", 0)] = TaskNode.Call<int>(() => throw new InvalidOperationException("boom"));
        for (int i = 0; i < 10_000; i++)
            graph[("ok", i)] = TaskNode.Call((int x) => { Interlocked.Increment(ref ran); return x; }, i);
        var keys = new List<TaskKey> { ("bad", 0) };
        keys.AddRange(Enumerable.Range(0, 10_000).Select(i => (TaskKey)("ok", i)));
        var ex = Assert.ThrowsAsync<TaskFailedException>(() => ComputeAsync(CreateScheduler(), graph, [.. keys]));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Key, Is.EqualTo((TaskKey)("bad", 0)));
            Assert.That(ex.InnerException, Is.TypeOf<InvalidOperationException>());
            Assert.That(ex.ExceptionType, Is.EqualTo("System.InvalidOperationException"));
            Assert.That(ex.Message, Does.Contain("('bad', 0)").And.Contain("boom"));
            Assert.That(ex.OriginalStackTrace, Is.Not.Null.And.Not.Empty);
            Assert.That(Volatile.Read(ref ran), Is.LessThan(5_000), "the run stopped after the failure");
        });
    }

    [Test, CancelAfter(60_000)]
    public void Cancellation_DuringRun_StopsPromptly()
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
        Assert.CatchAsync<OperationCanceledException>(() => CreateScheduler().ComputeAsync(graph, keys, cts.Token).AsTask().WaitAsync(Bound));
        Assert.That(Volatile.Read(ref ran), Is.LessThan(5_000));
    }

    [Test, CancelAfter(60_000)]
    public void Cancellation_BeforeStart_RunsNothing()
    {
        int ran = 0;
        var graph = new TaskGraph { ["a"] = TaskNode.Call(() => Interlocked.Increment(ref ran)) };
        Assert.CatchAsync<OperationCanceledException>(() => CreateScheduler().ComputeAsync(graph, ["a"], new CancellationToken(true)).AsTask().WaitAsync(Bound));
        Assert.That(ran, Is.Zero);
    }

    [Test, CancelAfter(60_000)]
    public async Task RequestedIntermediate_IsKept()
    {
        var graph = new TaskGraph
        {
            ["chunk"] = TaskNode.Call(() => new double[] { 1, 2, 3 }),
            ["sum"] = new TaskNode(ArrayOperations.Sum, TaskArg.Ref("chunk")),
        };
        var result = await ComputeAsync(CreateScheduler(), graph, "sum", "chunk");
        Assert.Multiple(() =>
        {
            Assert.That(result[0], Is.EqualTo(6.0));
            Assert.That(result[1], Is.EqualTo(new double[] { 1, 2, 3 }));
        });
    }

    [Test, CancelAfter(60_000)]
    public async Task SeedGraph_ChunksAliveAtOnce_BoundedByThreads()
    {
        var scheduler = CreateScheduler();
        // The seed's hand-built graph: 1000 random chunks, a sum per chunk, one total. (An array's
        // reduction holds small partial-state arrays too, which would count as chunks here.)
        var graph = new TaskGraph();
        for (int i = 0; i < 1000; i++)
        {
            graph[("x", i)] = new TaskNode(ArrayOperations.Random, 10_000, Chunks.Seed(7, i));
            graph[("y", i)] = new TaskNode(ArrayOperations.Sum, TaskArg.Ref(("x", i)));
        }
        graph["total"] = new TaskNode(ArrayOperations.Sum, ArgList.OfRefs(Enumerable.Range(0, 1000).Select(i => (TaskKey)("y", i))));
        await ComputeAsync(scheduler, graph, "total");
        var stats = ((IReportsRunStatistics)scheduler).LastRun!;
        Assert.Multiple(() =>
        {
            Assert.That(stats.CompletedTasks, Is.EqualTo(stats.TotalTasks));
            Assert.That(stats.PeakHeldChunks, Is.InRange(1, 2 * Parallelism), "chunks alive at once");
            Assert.That(stats.PeakHeldBytes, Is.LessThanOrEqualTo(2L * Parallelism * 10_000 * 8 + 64 * 8 * 8));
        });
    }

    [Test, CancelAfter(60_000)]
    public async Task SeedGraph_SameBitsAsSynchronous()
    {
        var total = DistArray.Random(200L * 5_000 + 17, 5_000, seed: 11).Sum();
        var expected = new SynchronousScheduler().Get(total.Graph, total.Key);
        var result = await ComputeAsync(CreateScheduler(), total.Graph, total.Key);
        Assert.That(BitConverter.DoubleToInt64Bits((double)result[0]!), Is.EqualTo(BitConverter.DoubleToInt64Bits((double)expected!)));
    }

    [Test, CancelAfter(60_000)]
    public async Task Graph_IsNotChangedByARun()
    {
        var graph = new TaskGraph { ["a"] = TaskNode.FromValue(1), ["b"] = TaskNode.Call((int x) => x + 1, TaskArg.Ref("a")) };
        await ComputeAsync(CreateScheduler(), graph, "b");
        var again = await ComputeAsync(CreateScheduler(), graph, "b");
        Assert.Multiple(() =>
        {
            Assert.That(graph, Has.Count.EqualTo(2));
            Assert.That(again[0], Is.EqualTo(2));
        });
    }
}
