using LazyDist.Collections;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Conformance;

/// <summary>
/// What every scheduler must do, run against each one by a small sealed subclass (the model is
/// System.Threading.Channels' ChannelTestBase): synchronous, threaded, a cluster in this process
/// and a cluster of worker processes. Graphs use built-in operations and this test assembly's own
/// lambdas, which clusters receive as shipped code.
/// </summary>
public abstract partial class SchedulerConformanceTests
{
    protected static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private IScheduler? _scheduler;

    /// <summary>The scheduler under test, made once per fixture.</summary>
    protected IScheduler Scheduler => _scheduler ?? throw new InvalidOperationException("no scheduler yet");

    /// <summary>Makes the scheduler under test.</summary>
    protected abstract Task<IScheduler> CreateSchedulerAsync();

    /// <summary>How many tasks the scheduler runs at once.</summary>
    protected abstract int Parallelism { get; }

    /// <summary>The most chunks a run may hold at once per parallel task slot.</summary>
    protected virtual int ChunksPerSlot => 2;

    /// <summary>Runs <paramref name="run"/> and returns the most chunks of <paramref name="chunkBytes"/> held at once.</summary>
    protected abstract Task<int> PeakChunksAsync(Func<Task> run, long chunkBytes);

    [OneTimeSetUp]
    public async Task StartSchedulerAsync() => _scheduler = await CreateSchedulerAsync().WaitAsync(Bound);

    [OneTimeTearDown]
    public async Task StopSchedulerAsync()
    {
        if (_scheduler is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
    }

    protected async Task<object?[]> ComputeAsync(TaskGraph graph, params TaskKey[] keys) =>
        await Scheduler.ComputeAsync(graph, keys).AsTask().WaitAsync(Bound);

    [Test, CancelAfter(120_000)]
    public async Task Chain_10000Long_ComputesTheEnd()
    {
        var graph = new TaskGraph { [("c", 0)] = TaskNode.FromValue(0L) };
        for (int i = 1; i < 10_000; i++)
            graph[("c", i)] = new TaskNode(ArrayOperations.Increment, TaskArg.Ref(("c", i - 1)));
        var result = await ComputeAsync(graph, ("c", 9_999));
        Assert.That(result[0], Is.EqualTo(9_999L));
    }

    [Test, CancelAfter(120_000)]
    public async Task FanIn_10000Wide_SumsEveryInput()
    {
        var graph = new TaskGraph();
        for (int i = 0; i < 10_000; i++)
            graph[("fanin", i)] = new TaskNode(ArrayOperations.Add, (long)i, (long)i);
        graph["fanin-sum"] = new TaskNode(ArrayOperations.SumScalars, ArgList.OfRefs(Enumerable.Range(0, 10_000).Select(i => (TaskKey)("fanin", i))));
        var result = await ComputeAsync(graph, "fanin-sum");
        Assert.That(result[0], Is.EqualTo(2L * (9_999L * 10_000 / 2)));
    }

    [Test, CancelAfter(120_000)]
    public async Task Diamonds_SharedInput_CombinedCorrectly()
    {
        var graph = new TaskGraph { ["diamond-top"] = TaskNode.FromValue(10L) };
        for (int i = 0; i < 50; i++)
            graph[("diamond-mid", i)] = new TaskNode(ArrayOperations.Add, TaskArg.Ref("diamond-top"), (long)i);
        graph["diamond-bottom"] = new TaskNode(ArrayOperations.SumScalars, ArgList.OfRefs(Enumerable.Range(0, 50).Select(i => (TaskKey)("diamond-mid", i))));
        var result = await ComputeAsync(graph, "diamond-bottom", "diamond-top");
        Assert.That(result, Is.EqualTo(new object[] { 50 * 10L + 49 * 50 / 2, 10L }));
    }

    [Test, CancelAfter(120_000)]
    public async Task SeveralKeys_ReturnedInRequestOrder()
    {
        var graph = new TaskGraph { ["order-a"] = TaskNode.FromValue(1L), ["order-b"] = TaskNode.FromValue(2L), ["order-c"] = TaskNode.FromValue(3L) };
        var result = await ComputeAsync(graph, "order-c", "order-a", "order-b", "order-a");
        Assert.That(result, Is.EqualTo(new object[] { 3L, 1L, 2L, 1L }));
    }

    [Test, CancelAfter(120_000)]
    public async Task NoKeys_EmptyResult()
    {
        var result = await ComputeAsync(new TaskGraph());
        Assert.That(result, Is.Empty);
    }

    [Test, CancelAfter(120_000)]
    public void MissingKey_ValidationErrorNamesIt()
    {
        var graph = new TaskGraph { ["a"] = TaskNode.FromValue(1L) };
        var ex = Assert.ThrowsAsync<GraphValidationException>(() => ComputeAsync(graph, ("nope", 4)));
        Assert.That(ex!.Message, Does.Contain("('nope', 4)"));
    }

    [Test, CancelAfter(120_000)]
    public void MissingDependency_ValidationErrorNamesBoth()
    {
        var graph = new TaskGraph { ["a"] = new TaskNode(ArrayOperations.Increment, TaskArg.Ref("ghost")) };
        var ex = Assert.ThrowsAsync<GraphValidationException>(() => ComputeAsync(graph, "a"));
        Assert.That(ex!.Keys, Is.EqualTo(new TaskKey[] { "a", "ghost" }));
    }

    [Test, CancelAfter(120_000)]
    public void Cycle_ValidationErrorNamesTheCycle()
    {
        var graph = new TaskGraph
        {
            ["a"] = new TaskNode(ArrayOperations.Increment, TaskArg.Ref("b")),
            ["b"] = new TaskNode(ArrayOperations.Increment, TaskArg.Ref("a")),
        };
        var ex = Assert.ThrowsAsync<GraphValidationException>(() => ComputeAsync(graph, "a"));
        Assert.That(ex!.Message, Does.Contain("cycle").And.Contain("'a'").And.Contain("'b'"));
    }

    [Test, CancelAfter(120_000)]
    public async Task TaskException_ReachesCallerWithKeyTypeMessageAndStack_SchedulerStaysHealthy()
    {
        var graph = new TaskGraph
        {
            [("bad", 0)] = new TaskNode(ArrayOperations.Random, -5, 1UL),
            ["bad-sum"] = new TaskNode(ArrayOperations.Sum, TaskArg.Ref(("bad", 0))),
        };
        var ex = Assert.ThrowsAsync<TaskFailedException>(() => ComputeAsync(graph, "bad-sum"));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Key, Is.EqualTo((TaskKey)("bad", 0)));
            Assert.That(ex.ExceptionType, Is.EqualTo("System.ArgumentOutOfRangeException"));
            Assert.That(ex.Message, Does.Contain("('bad', 0)").And.Contain("length"));
            Assert.That(ex.OriginalStackTrace, Does.Contain("Chunks.Random"));
        });
        var after = await ComputeAsync(new TaskGraph { ["after-failure"] = new TaskNode(ArrayOperations.Increment, 1L) }, "after-failure");
        Assert.That(after[0], Is.EqualTo(2L), "the scheduler still runs work after a task failed");
    }

    [Test, CancelAfter(120_000)]
    public async Task Cancellation_DuringRun_StopsPromptly_SchedulerStaysHealthy()
    {
        // A run that cannot end by itself: its first task waits at a gate the test opens only after cancelling.
        using var gate = new TcpGate();
        int port = gate.Port;
        var graph = new TaskGraph { ["gated"] = TaskNode.Call((int p) => TcpGate.Pass(p, 1L), port) };
        for (int i = 0; i < 50; i++)
            graph[("after-gate", i)] = new TaskNode(ArrayOperations.Increment, TaskArg.Ref("gated"));
        TaskKey[] keys = [.. Enumerable.Range(0, 50).Select(i => (TaskKey)("after-gate", i))];
        using var cts = new CancellationTokenSource();
        var running = Task.Run(() => Scheduler.ComputeAsync(graph, keys, cts.Token).AsTask());
        await gate.ReachedAsync(CancellationToken.None).WaitAsync(Bound);
        await cts.CancelAsync();
        gate.Open(); // the gated task may end now: a one-thread scheduler sees the cancellation after it
        Assert.CatchAsync<OperationCanceledException>(() => running.WaitAsync(Bound));
        var after = await ComputeAsync(new TaskGraph { ["after-cancel"] = new TaskNode(ArrayOperations.Increment, 3L) }, "after-cancel");
        Assert.That(after[0], Is.EqualTo(4L));
    }

    [Test, CancelAfter(120_000)]
    public void Cancellation_BeforeStart_Throws()
    {
        var graph = new TaskGraph { ["never"] = new TaskNode(ArrayOperations.Increment, 1L) };
        Assert.CatchAsync<OperationCanceledException>(() => Scheduler.ComputeAsync(graph, ["never"], new CancellationToken(true)).AsTask().WaitAsync(Bound));
    }

    [Test, CancelAfter(120_000)]
    public async Task RequestedIntermediate_IsKept()
    {
        var graph = new TaskGraph
        {
            ["kept-chunk"] = new TaskNode(ArrayOperations.Random, 3, 5UL),
            ["kept-sum"] = new TaskNode(ArrayOperations.Sum, TaskArg.Ref("kept-chunk")),
        };
        var result = await ComputeAsync(graph, "kept-sum", "kept-chunk");
        var expected = Chunks.Random(3, 5UL);
        Assert.Multiple(() =>
        {
            Assert.That(result[0], Is.EqualTo(Chunks.Sum(expected)));
            Assert.That(result[1], Is.EqualTo(expected));
        });
    }

    [Test, CancelAfter(120_000)]
    public async Task SeedGraph_ChunksAliveAtOnce_BoundedBySlots()
    {
        var total = DistArray.Random(1000L * 10_000, 10_000, seed: 7).Sum();
        int peak = await PeakChunksAsync(() => ComputeAsync(total.Graph, total.Key), 10_000 * sizeof(double));
        Assert.That(peak, Is.InRange(1, ChunksPerSlot * Parallelism), "chunks alive at once");
    }

    [Test, CancelAfter(120_000)]
    public async Task SeedGraph_SameBitsAsSynchronous()
    {
        var total = DistArray.Random(200L * 5_000 + 17, 5_000, seed: 11).Sum();
        var expected = new SynchronousScheduler().Get(total.Graph, total.Key);
        var result = await ComputeAsync(total.Graph, total.Key);
        Assert.That(BitConverter.DoubleToInt64Bits((double)result[0]!), Is.EqualTo(BitConverter.DoubleToInt64Bits((double)expected!)));
    }

    [Test, CancelAfter(120_000)]
    public async Task SameGraphTwice_SameResult_GraphUnchanged()
    {
        var graph = new TaskGraph { ["twice-a"] = TaskNode.FromValue(1L), ["twice-b"] = new TaskNode(ArrayOperations.Increment, TaskArg.Ref("twice-a")) };
        var first = await ComputeAsync(graph, "twice-b");
        var again = await ComputeAsync(graph, "twice-b");
        Assert.Multiple(() =>
        {
            Assert.That(graph, Has.Count.EqualTo(2));
            Assert.That(first[0], Is.EqualTo(2L));
            Assert.That(again[0], Is.EqualTo(2L));
        });
    }
}
