using LazyDist.Distributed;
using LazyDist.Graph;
using LazyDist.Schedulers;

namespace LazyDist.Collections.Tests.Distributed;

/// <summary>
/// The collection side of persist and of futures as delayed values, against a center with no
/// workers (nothing runs; what matters here is the graphs the collections are given).
/// </summary>
public class PersistTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Test, CancelAfter(60_000)]
    public async Task PersistedArray_SameShapeAndKeys_ItsGraphIsHeldBlocksOnly()
    {
        await using var center = await CenterHost.StartAsync(new CenterOptions { Port = 0 });
        await using var client = await DistributedScheduler.ConnectAsync(center.Address).WaitAsync(Bound);
        var x = DistArray.Random([60L, 40L], [20, 20], seed: 1);
        var held = client.Persist(x);
        var graph = held.Graph;
        Assert.Multiple(() =>
        {
            Assert.That(held.Shape, Is.EqualTo(x.Shape));
            Assert.That(held.Chunks, Is.EqualTo(x.Chunks));
            Assert.That(held.ChunkKeys, Is.EqualTo(x.ChunkKeys));
            Assert.That(graph.Keys, Is.EquivalentTo(x.ChunkKeys));
            Assert.That(graph.Values, Has.All.Matches<TaskNode>(n => n.IsRemote));
        });
    }

    [Test, CancelAfter(60_000)]
    public async Task PersistedArray_ComputedElsewhere_FailsSayingWhereItLives()
    {
        await using var center = await CenterHost.StartAsync(new CenterOptions { Port = 0 });
        await using var client = await DistributedScheduler.ConnectAsync(center.Address).WaitAsync(Bound);
        var held = client.Persist(DistArray.Random(1_000L, 100, seed: 2));
        var ex = Assert.Throws<TaskFailedException>(() => held.Sum().Compute(new ThreadedScheduler(2)));
        Assert.That(ex!.Message, Does.Contain(center.Address).And.Contain("DistributedScheduler"));
    }

    [Test, CancelAfter(60_000)]
    public async Task FutureAsDelayed_GraphIsTheRemoteNode_CallsBuildOnIt()
    {
        await using var center = await CenterHost.StartAsync(new CenterOptions { Port = 0 });
        await using var client = await DistributedScheduler.ConnectAsync(center.Address).WaitAsync(Bound);
        var future = client.Submit(Chunks.Random, 10, 3UL);
        Delayed<double[]> value = future;
        var sum = LazyDist.Collections.Delayed.Call(Chunks.Sum, value);
        Assert.Multiple(() =>
        {
            Assert.That(value.Key, Is.EqualTo(future.Key));
            Assert.That(value.Graph.Count, Is.EqualTo(1));
            Assert.That(value.Graph[future.Key].IsRemote, Is.True);
            Assert.That(sum.Graph[sum.Key].Dependencies, Is.EqualTo(new[] { future.Key }));
            Assert.That(sum.GetGraph().ContainsKey(future.Key), Is.True, "optimizing keeps the held key");
        });
        GC.KeepAlive(future);
    }
}
