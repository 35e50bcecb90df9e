using System.Runtime.CompilerServices;
using LazyDist.Collections;
using LazyDist.Distributed;
using LazyDist.Distributed.Center;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Client;

/// <summary>The seed's pool on a hand-started center and workers (in this process): data stays where it was made.</summary>
public class PoolTests
{
    [Test, CancelAfter(90_000)]
    public async Task SeedSession_TotalExact_ArraysStayOnWorkers_DeleteReleasesAll()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 2, workStealing: false);
        await PoolSeed.RunAsync(cluster.Client.Pool, cluster.Client, cluster.Center);
        Assert.That(await cluster.Center.ReadAsync(s => s.HeldBytes), Is.Zero);
    }

    [Test, CancelAfter(90_000)]
    public async Task SeedSessionWithLambdas_AsWritten()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 2);
        var pool = cluster.Client.Pool;
        var a = pool.Map(i => Chunks.Random(100_000, Chunks.Seed(42, i)), Enumerable.Range(0, 20));
        var b = pool.Map(Chunks.Sum, a);
        var total = pool.Apply(sums => sums.Sum(), b);
        double expected = Enumerable.Range(0, 20).Select(i => Chunks.Sum(Chunks.Random(100_000, Chunks.Seed(42, i)))).Sum();
        Assert.That(await total.GetAsync().WaitAsync(CenterProbe.Bound), Is.EqualTo(expected));
        pool.Delete(a);
        pool.Delete(b);
        pool.Delete(total);
        await cluster.Center.UntilAsync(s => s.Tasks.Count == 0 && s.HeldBytes == 0);
    }

    [Test, CancelAfter(90_000)]
    public async Task RemoteData_PrintsCenterAndKey_MapOverItRunsWhereItIs()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 2, workStealing: false);
        var pool = cluster.Client.Pool;
        var a = pool.Map(Chunks.Random, [50_000, 50_000], [1UL, 2UL]);
        var sums = pool.Map(Chunks.Sum, a);
        Assert.Multiple(() =>
        {
            Assert.That(a[0].ToString(), Is.EqualTo($"RemoteData<center={cluster.Center.Address}, key={a[0].Key}>"));
            Assert.That(a[0].Key, Is.Not.EqualTo(a[1].Key));
            Assert.That(a[0].Key.Name, Does.StartWith("random-"), "named after the function");
        });
        Assert.That(await sums[1].GetAsync().WaitAsync(CenterProbe.Bound), Is.EqualTo(Chunks.Sum(Chunks.Random(50_000, 2UL))));
        var stats = await cluster.Client.GetStatisticsAsync();
        Assert.That(stats.TransferredBytes, Is.Zero, "each sum ran on the worker holding its array");
    }

    [Test, CancelAfter(90_000)]
    public async Task PoolKeys_UniqueEvenForEqualCalls()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 1);
        var first = cluster.Client.Pool.Map(Scalars.Increment, [1L]);
        var second = cluster.Client.Pool.Map(Scalars.Increment, [1L]);
        Assert.That(first[0].Key, Is.Not.EqualTo(second[0].Key));
        Assert.That(await second[0].GetAsync().WaitAsync(CenterProbe.Bound), Is.EqualTo(2L));
    }

    [Test, CancelAfter(90_000)]
    public async Task RemoteData_InHandBuiltGraph_ReadWhereItIs_NotDeletedByThatGraph()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 2);
        var data = cluster.Client.Pool.Map(Chunks.Random, [80_000], [9UL])[0];
        var graph = new TaskGraph
        {
            [data.Key] = data.ToNode(),
            ["total"] = TaskNode.Call<double[], double>(Chunks.Sum, TaskArg.Ref(data.Key)),
        };
        var total = await cluster.Client.ComputeAsync(graph, ["total"]).AsTask().WaitAsync(CenterProbe.Bound);
        var array = await cluster.Client.ComputeAsync(graph, [data.Key]).AsTask().WaitAsync(CenterProbe.Bound);

        Assert.That(total[0], Is.EqualTo(Chunks.Sum(Chunks.Random(80_000, 9UL))));
        Assert.That(array[0], Is.EqualTo(Chunks.Random(80_000, 9UL)));
        await cluster.Center.UntilAsync(s => !s.Tasks.ContainsKey("total"));
        Assert.That(await cluster.Center.ReadAsync(s => s.Tasks[data.Key].Status), Is.EqualTo(CenterTaskStatus.Memory), "still held");
        Assert.That(await data.GetAsync().WaitAsync(CenterProbe.Bound), Has.Length.EqualTo(80_000));
        var stats = await cluster.Client.GetStatisticsAsync();
        Assert.That(stats.HeldBytes, Is.EqualTo(80_000L * sizeof(double)), "the array, once");
    }

    [Test, CancelAfter(90_000)]
    public async Task RemoteData_InDelayedCall_RunsOnTheCluster_StaysHeld()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 2);
        var data = cluster.Client.Pool.Map(Chunks.Random, [60_000], [5UL])[0];
        Delayed<double[]> held = data;
        var sum = Delayed.Call(Chunks.Sum, held);
        var twice = Delayed.Call(Chunks.Sum, data.AsDelayed());

        Assert.That(await sum.ComputeAsync(cluster.Client).AsTask().WaitAsync(CenterProbe.Bound), Is.EqualTo(Chunks.Sum(Chunks.Random(60_000, 5UL))));
        Assert.That(await twice.ComputeAsync(cluster.Client).AsTask().WaitAsync(CenterProbe.Bound), Is.EqualTo(Chunks.Sum(Chunks.Random(60_000, 5UL))));
        Assert.That(sum.Graph.Keys, Is.EquivalentTo(new[] { data.Key, sum.Key }), "the remote node and the call");
        Assert.That(await cluster.Center.ReadAsync(s => s.Tasks[data.Key].Status), Is.EqualTo(CenterTaskStatus.Memory));
        Assert.That(twice.Key, Is.EqualTo(sum.Key), "the same pure call");
        Assert.That(await cluster.Center.ReadAsync(s => s.CompletedTasks), Is.EqualTo(3), "the random array once, never recomputed; the sum per computation");
    }

    [Test, CancelAfter(90_000)]
    public async Task RemoteData_OnALocalScheduler_FailsNamingKeyAndCluster()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 1);
        var data = cluster.Client.Pool.Map(Scalars.Increment, [1L])[0];
        var next = Delayed.Call(Scalars.Increment, data.AsDelayed());
        var ex = Assert.Throws<TaskFailedException>(() => next.Compute(new SynchronousScheduler()));
        Assert.That(ex!.InnerException, Is.TypeOf<InvalidOperationException>());
        Assert.That(ex.Message, Does.Contain(data.Key.ToString()).And.Contain(cluster.Center.Address).And.Contain("DistributedScheduler"));
    }

    [Test, CancelAfter(90_000)]
    public async Task DroppedProxy_EventuallyReleased()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 1);
        var (weak, key) = MapAndDrop(cluster.Client.Pool);
        await cluster.Center.UntilAsync(s => s.Tasks.ContainsKey(key));
        for (int i = 0; i < 10 && weak.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.That(weak.IsAlive, Is.False, "nothing else keeps the proxy");
        await cluster.Center.UntilAsync(s => !s.Tasks.ContainsKey(key) && s.HeldBytes == 0);
    }

    [Test, CancelAfter(90_000)]
    public async Task Delete_OneOfTwo_KeepsTheOther()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 1);
        var pool = cluster.Client.Pool;
        var a = pool.Map(Scalars.Increment, [1L, 2L]);
        Assert.That(await a[0].GetAsync().WaitAsync(CenterProbe.Bound), Is.EqualTo(2L));
        pool.Delete(a[0]);
        pool.Delete(a[0]);
        await cluster.Center.UntilAsync(s => !s.Tasks.ContainsKey(a[0].Key));
        Assert.That(await a[1].GetAsync().WaitAsync(CenterProbe.Bound), Is.EqualTo(3L));
        Assert.Throws<InvalidOperationException>(() => pool.Map(Scalars.Increment, [a[0]]), "a deleted proxy cannot be used");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Proxy, TaskKey Key) MapAndDrop(Pool pool)
    {
        var data = pool.Map(Chunks.Random, [10_000], [3UL])[0];
        return (new WeakReference(data), data.Key);
    }
}
