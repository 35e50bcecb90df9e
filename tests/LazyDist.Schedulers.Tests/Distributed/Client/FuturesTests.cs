using LazyDist.Collections;
using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Client;

/// <summary>dask.distributed's futures on a hand-started center and workers (in this process).</summary>
public class FuturesTests
{
    [Test, CancelAfter(90_000)]
    public async Task Submit_ChainOfFutures_ResultAndStatus()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 2);
        var client = cluster.Client;
        var x = client.Submit(Scalars.Increment, 41L);
        var y = client.Submit(Scalars.Add, x, x);
        var z = client.Submit<long, long, long>(Scalars.Add, y, 100L);
        Assert.That(await z.ResultAsync().WaitAsync(CenterProbe.Bound), Is.EqualTo(184L));
        await x.WaitAsync().WaitAsync(CenterProbe.Bound);
        Assert.Multiple(() =>
        {
            Assert.That(x.Status, Is.EqualTo(FutureStatus.Finished));
            Assert.That(x.Done, Is.True);
            Assert.That(x.Exception, Is.Null);
            Assert.That(x.Result(CenterProbe.Bound), Is.EqualTo(42L));
            Assert.That(x.ToString(), Is.EqualTo($"<Future: finished, type: Int64, key: {x.Key.Name}>"));
        });
    }

    [Test, CancelAfter(90_000)]
    public async Task Submit_PureByDefault_EqualCallsShareAKeyAndRunOnce_ImpureAndGivenKeysDiffer()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 1);
        var client = cluster.Client;
        var a = client.Submit(Scalars.Increment, 1L);
        var b = client.Submit(Scalars.Increment, 1L);
        var c = client.Submit(Scalars.Increment, 1L, pure: false);
        var d = client.Submit(Scalars.Increment, 1L, key: "my-key");
        var other = client.Submit(Scalars.Increment, 2L);
        Assert.That(await client.GatherAsync([a, b, c, d, other]).WaitAsync(CenterProbe.Bound), Is.EqualTo(new[] { 2L, 2L, 2L, 2L, 3L }));
        Assert.Multiple(() =>
        {
            Assert.That(b.Key, Is.EqualTo(a.Key));
            Assert.That(a.Key.Name, Does.Match("^inc-[0-9a-f]{32}$"), "the function's name and a content hash");
            Assert.That(c.Key, Is.Not.EqualTo(a.Key));
            Assert.That(d.Key, Is.EqualTo((TaskKey)"my-key"));
            Assert.That(other.Key, Is.Not.EqualTo(a.Key));
        });
        Assert.That(await cluster.Center.ReadAsync(s => s.CompletedTasks), Is.EqualTo(4), "the shared pure call ran once");
    }

    [Test, CancelAfter(90_000)]
    public async Task PureKeys_SameInAnotherClient()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 1);
        await using var second = await DistributedScheduler.ConnectAsync(cluster.Center.Address);
        var mine = cluster.Client.Submit(Chunks.Random, 1_000, 7UL);
        var theirs = second.Submit(Chunks.Random, 1_000, 7UL);
        Assert.That(theirs.Key, Is.EqualTo(mine.Key));
        Assert.That(await theirs.ResultAsync().WaitAsync(CenterProbe.Bound), Is.EqualTo(await mine.ResultAsync().WaitAsync(CenterProbe.Bound)));
    }

    [Test, CancelAfter(90_000)]
    public async Task MapScatterGather_ValuesInOrder()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 2);
        var client = cluster.Client;
        var scattered = client.Scatter([10L, 20L, 30L, 20L]);
        var incremented = client.Map(Scalars.Increment, scattered);
        var squares = client.Map(Scalars.Add, new long[] { 1, 2, 3 }, new long[] { 1, 2, 3 });
        Assert.Multiple(async () =>
        {
            Assert.That(await client.GatherAsync(incremented).WaitAsync(CenterProbe.Bound), Is.EqualTo(new[] { 11L, 21L, 31L, 21L }));
            Assert.That(client.Gather(squares), Is.EqualTo(new[] { 2L, 4L, 6L }));
            Assert.That(scattered[3].Key, Is.EqualTo(scattered[1].Key), "equal values, one key");
            Assert.That(scattered[0].Key.Name, Does.StartWith("int64-"));
        });
    }

    [Test, CancelAfter(90_000)]
    public async Task AsCompleted_YieldsInCompletionOrder_FailuresToo()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 2);
        var client = cluster.Client;
        var first = client.Submit(Scalars.Increment, -3L);
        var second = client.Submit(Scalars.Increment, first);
        var third = client.Submit(Scalars.Increment, second);
        var order = new List<TaskKey>();
        await foreach (var done in client.AsCompleted([third, first, second]))
            order.Add(done.Key);
        Assert.That(order, Is.EqualTo(new[] { first.Key, second.Key, third.Key }));

        var graph = new TaskGraph
        {
            ["len"] = new TaskNode(ArrayOperations.Increment, -3L),
            ["bad"] = new TaskNode(OpRef.Builtin(ArrayOperations.RandomName), TaskArg.Ref("len"), 1UL),
        };
        var futures = client.Persist(graph, ["bad", "len"]);
        var completed = new List<Future<object?>>();
        await foreach (var done in client.AsCompleted(futures))
            completed.Add(done);
        Assert.That(completed.Select(f => (f.Key, f.Status)), Is.EqualTo(new[] { ((TaskKey)"len", FutureStatus.Finished), ((TaskKey)"bad", FutureStatus.Error) }));
    }

    [Test, CancelAfter(90_000)]
    public async Task AsCompleted_WorksWithAsyncLinq()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 2);
        var futures = cluster.Client.Map(Scalars.Increment, Enumerable.Range(0, 10).Select(i => (long)i));
        var firstThree = await cluster.Client.AsCompleted(futures).Take(3).ToListAsync().AsTask().WaitAsync(CenterProbe.Bound);
        var values = await cluster.Client.AsCompleted(futures).Select(f => f.Result()).ToListAsync().AsTask().WaitAsync(CenterProbe.Bound);
        Assert.Multiple(() =>
        {
            Assert.That(firstThree, Has.Count.EqualTo(3).And.All.Matches<Future<long>>(f => f.Done));
            Assert.That(values, Is.EquivalentTo(Enumerable.Range(1, 10).Select(i => (long)i)));
        });
    }

    [Test, CancelAfter(90_000)]
    public async Task FailingFuture_ExceptionIsTaskFailedNamingTheKey()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 1);
        var bad = cluster.Client.Submit(Chunks.Random, -1, 42UL);
        var after = cluster.Client.Submit(Chunks.Sum, bad);
        await after.WaitAsync().WaitAsync(CenterProbe.Bound);
        Assert.Multiple(() =>
        {
            Assert.That(bad.Status, Is.EqualTo(FutureStatus.Error));
            Assert.That(bad.Exception, Is.TypeOf<TaskFailedException>());
            Assert.That(((TaskFailedException)bad.Exception!).Key, Is.EqualTo(bad.Key));
            Assert.That(((TaskFailedException)bad.Exception!).ExceptionType, Is.EqualTo(typeof(ArgumentOutOfRangeException).FullName));
            Assert.That(after.Status, Is.EqualTo(FutureStatus.Error));
            Assert.That(((TaskFailedException)after.Exception!).Key, Is.EqualTo(bad.Key), "a dependent's error names the key that failed");
            Assert.That(bad.ToString(), Does.StartWith("<Future: error"));
        });
        var thrown = Assert.ThrowsAsync<TaskFailedException>(() => after.ResultAsync());
        Assert.That(thrown!.Message, Does.Contain(bad.Key.ToString()));
    }

    [Test, CancelAfter(90_000)]
    public async Task Cancel_PendingFuture_StatusCancelled_CenterForgetsIt()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 0); // nothing ever runs
        var doomed = cluster.Client.Submit(Scalars.Increment, 1L);
        var dependent = cluster.Client.Submit(Scalars.Increment, doomed);
        await cluster.Center.UntilAsync(s => s.Tasks.ContainsKey(dependent.Key));
        cluster.Client.Cancel([doomed, dependent]);
        await doomed.WaitAsync().WaitAsync(CenterProbe.Bound);
        Assert.Multiple(() =>
        {
            Assert.That(doomed.Status, Is.EqualTo(FutureStatus.Cancelled));
            Assert.That(doomed.Done, Is.True);
            Assert.That(doomed.ToString(), Does.StartWith("<Future: cancelled"));
        });
        Assert.CatchAsync<OperationCanceledException>(() => doomed.ResultAsync());
        await cluster.Center.UntilAsync(s => s.Tasks.Count == 0);
        Assert.Throws<InvalidOperationException>(() => cluster.Client.Submit(Scalars.Increment, doomed), "a cancelled future cannot be an argument");
    }

    [Test, CancelAfter(90_000)]
    public async Task Cancel_RunningTask_CenterForgetsItAtOnce()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 1);
        using var gate = new LazyDist.Schedulers.Tests.Conformance.TcpGate();
        int port = gate.Port;
        var running = cluster.Client.Submit(() => LazyDist.Schedulers.Tests.Conformance.TcpGate.Pass(port, 1L), pure: false);
        await gate.ReachedAsync(CancellationToken.None).WaitAsync(CenterProbe.Bound);
        running.Cancel();
        Assert.That(running.Status, Is.EqualTo(FutureStatus.Cancelled));
        // Forgotten while the worker is still running it (it waits at the gate): the center did not wait for its result.
        await cluster.Center.UntilAsync(s => !s.Tasks.ContainsKey(running.Key));
        gate.Open();
    }

    [Test, CancelAfter(90_000)]
    public async Task Cancel_OneFuture_CancelsEveryFutureOfThatKeyHere()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 0);
        var a = cluster.Client.Submit(Scalars.Increment, 5L);
        var b = cluster.Client.Submit(Scalars.Increment, 5L);
        a.Cancel();
        Assert.That(b.Status, Is.EqualTo(FutureStatus.Cancelled));
        await cluster.Center.UntilAsync(s => s.Tasks.Count == 0);
    }

    [Test, CancelAfter(90_000)]
    public async Task DroppedFuture_EventuallyReleased_ReleasedAtOnceByRelease()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 1);
        var kept = cluster.Client.Submit(Chunks.Random, 1_000, 1UL);
        await kept.WaitAsync().WaitAsync(CenterProbe.Bound);
        var (weak, key) = SubmitAndDrop(cluster.Client);
        await cluster.Center.UntilAsync(s => s.Tasks.ContainsKey(key));
        for (int i = 0; i < 10 && weak.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.That(weak.IsAlive, Is.False);
        await cluster.Center.UntilAsync(s => !s.Tasks.ContainsKey(key));
        Assert.That(await cluster.Center.ReadAsync(s => s.Tasks.ContainsKey(kept.Key)), Is.True, "a kept future stays");
        kept.Release();
        await cluster.Center.UntilAsync(s => s.Tasks.Count == 0 && s.HeldBytes == 0);
    }

    [Test, CancelAfter(90_000)]
    public async Task Persist_DistArray_LaterComputationsStartFromHeldBlocks()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 2);
        var client = cluster.Client;
        var x = DistArray.Random(8L * 20_000, 20_000, seed: 3);
        var held = await client.PersistAsync(x).WaitAsync(CenterProbe.Bound);
        long afterPersist = await cluster.Center.ReadAsync(s => s.CompletedTasks);

        var sum = held.Sum();
        var max = held.Max();
        double s = await sum.ComputeAsync(client).AsTask().WaitAsync(CenterProbe.Bound);
        double m = await max.ComputeAsync(client).AsTask().WaitAsync(CenterProbe.Bound);

        int work = sum.GetGraph().Values.Count(n => !n.IsRemote) + max.GetGraph().Values.Count(n => !n.IsRemote);
        Assert.Multiple(async () =>
        {
            Assert.That(BitConverter.DoubleToInt64Bits(s), Is.EqualTo(BitConverter.DoubleToInt64Bits(x.Sum().Compute(new SynchronousScheduler()))));
            Assert.That(m, Is.EqualTo(x.Max().Compute(new SynchronousScheduler())));
            Assert.That(held.ChunkKeys, Is.EqualTo(x.ChunkKeys));
            Assert.That(sum.GetGraph().Values.Where(n => n.Dependencies.Count == 0), Has.All.Matches<TaskNode>(n => n.IsRemote), "no block is made again");
            Assert.That(await cluster.Center.ReadAsync(st => st.CompletedTasks) - afterPersist, Is.EqualTo(work), "only the reductions ran");
            Assert.That((await client.GetStatisticsAsync()).HeldBytes, Is.EqualTo(x.Length * sizeof(double)), "the blocks stay held");
        });
        GC.KeepAlive(held);
    }

    [Test, CancelAfter(90_000)]
    public async Task Persist_Delayed_AndFutureInDelayedCall()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 1);
        var client = cluster.Client;
        var chunk = Delayed.Call<int, ulong, double[]>(Chunks.Random, 5_000, 11UL);
        var held = client.Persist(chunk);
        var future = client.Submit(Chunks.Random, 5_000, 11UL);
        Delayed<double[]> fromFuture = future;
        double a = await Delayed.Call(Chunks.Sum, held).ComputeAsync(client).AsTask().WaitAsync(CenterProbe.Bound);
        double b = await Delayed.Call(Chunks.Sum, fromFuture).ComputeAsync(client).AsTask().WaitAsync(CenterProbe.Bound);
        Assert.That(a, Is.EqualTo(Chunks.Sum(Chunks.Random(5_000, 11UL))));
        Assert.That(b, Is.EqualTo(a));
        Assert.That(await cluster.Center.ReadAsync(s => s.Tasks.ContainsKey(future.Key) && s.Tasks.ContainsKey(chunk.Key)), Is.True, "both still held");
        GC.KeepAlive(held);
    }

    [Test, CancelAfter(90_000)]
    public async Task HolderGone_ResultStillComes_FromTheRecomputedCopy()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 2);
        var future = cluster.Client.Submit(Chunks.Random, 30_000, 4UL);
        await future.WaitAsync().WaitAsync(CenterProbe.Bound);
        string holder = await cluster.Center.ReadAsync(s => s.Tasks[future.Key].WhoHas.Single().Name);
        await cluster.Workers.Single(w => w.Name == holder).DisposeAsync();
        Assert.That(await future.ResultAsync().WaitAsync(CenterProbe.Bound), Is.EqualTo(Chunks.Random(30_000, 4UL)));
        Assert.That(await cluster.Center.ReadAsync(s => s.Tasks[future.Key].WhoHas.Single().Name), Is.Not.EqualTo(holder));
        Assert.That(future.Status, Is.EqualTo(FutureStatus.Finished));
    }

    [Test, CancelAfter(90_000)]
    public async Task SubmitNeedingNewCode_ThenReleased_CenterReadsThemInOrder_NothingLeaks()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 1);
        long offset = 5;
        var future = cluster.Client.Submit((long x) => x + offset, 1L); // this session's first user code: the graph waits for it
        future.Release();                                              // must not overtake the graph
        var stats = await cluster.Client.GetStatisticsAsync().WaitAsync(CenterProbe.Bound);
        Assert.That(stats.Workers, Is.EqualTo(1));
        await cluster.Center.UntilAsync(s => s.Tasks.Count == 0 && s.HeldBytes == 0);
        var again = cluster.Client.Submit((long x) => x + offset, 2L);
        Assert.That(await again.ResultAsync().WaitAsync(CenterProbe.Bound), Is.EqualTo(7L));
    }

    [Test, CancelAfter(90_000)]
    public async Task ReadmeFutures_AsWritten()
    {
        await using var inProcess = await InProcessCluster.StartAsync(workers: 2);
        var cluster = inProcess.Client;
        var pool = cluster.Pool;
        var x = cluster.Submit(Scalars.Increment, 41L);
        var y = cluster.Submit(Scalars.Add, x, x);
        var many = cluster.Map(Chunks.Sum, pool.Map(Chunks.Random, [1000, 1000], [1UL, 2UL]));
        var data = cluster.Scatter([1L, 2L, 3L]);
        long[] values = await cluster.GatherAsync(cluster.Map(Scalars.Increment, data)).WaitAsync(CenterProbe.Bound);
        var seen = new List<string>();
        await foreach (var done in cluster.AsCompleted(many))
            seen.Add($"{done}: {done.Status}");
        var firstTwo = await cluster.AsCompleted(many).Take(2).ToListAsync().AsTask().WaitAsync(CenterProbe.Bound);
        Assert.That(await y.ResultAsync().WaitAsync(CenterProbe.Bound), Is.EqualTo(84L));
        y.Cancel();
        Assert.Multiple(() =>
        {
            Assert.That(values, Is.EqualTo(new[] { 2L, 3L, 4L }));
            Assert.That(seen, Has.All.Match("^<Future: finished, type: Double, key: sum-[0-9a-f]{32}>: Finished$"));
            Assert.That(firstTwo, Has.Count.EqualTo(2));
            Assert.That(y.Status, Is.EqualTo(FutureStatus.Cancelled));
        });
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (WeakReference Future, TaskKey Key) SubmitAndDrop(DistributedScheduler client)
    {
        var future = client.Submit(Chunks.Random, 2_000, 2UL);
        return (new WeakReference(future), future.Key);
    }
}
