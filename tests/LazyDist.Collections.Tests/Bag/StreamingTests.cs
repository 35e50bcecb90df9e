using LazyDist.Schedulers;

namespace LazyDist.Collections.Tests.Bag;

public class StreamingTests
{
    [Test, CancelAfter(60_000)]
    public async Task ToAsyncEnumerable_Threads_InOrderAndAsyncLinqWorks()
    {
        var bag = DistBag.Range(0, 1000, 9).Select(x => x * 2);
        var all = new List<int>();
        await foreach (var x in bag.ToAsyncEnumerable(new ThreadedScheduler(2)))
            all.Add(x);
        Assert.That(all, Is.EqualTo(Enumerable.Range(0, 1000).Select(x => x * 2)));
        var some = await bag.ToAsyncEnumerable(new SynchronousScheduler()).Where(x => x % 3 == 0).Take(4).ToListAsync();
        Assert.That(some, Is.EqualTo(new[] { 0, 6, 12, 18 }));
    }

    [Test, CancelAfter(120_000)]
    public async Task ToAsyncEnumerable_Cluster_InOrderAndReleasesWhatWasYielded()
    {
        await using var cluster = await InProcessBagCluster.StartAsync();
        var bag = DistBag.Range(0, 600, 6).Select(x => $"v{x}");
        var all = await bag.ToAsyncEnumerable(cluster.Client).ToListAsync();
        Assert.That(all, Is.EqualTo(Enumerable.Range(0, 600).Select(x => $"v{x}")));
        var stats = await cluster.Client.GetStatisticsAsync();
        Assert.That(stats.HeldKeys, Is.Zero, "every partition was released once yielded");
    }

    [Test, CancelAfter(60_000)]
    public void ToAsyncEnumerable_TaskFails_FailsTheEnumerationNamingTheKey()
    {
        var bag = DistBag.Range(0, 10, 2).Select(x => x == 7 ? throw new InvalidOperationException("seven") : x);
        var ex = Assert.ThrowsAsync<LazyDist.Graph.TaskFailedException>(async () => await bag.ToAsyncEnumerable(new ThreadedScheduler(2)).ToListAsync());
        Assert.That(ex!.Message, Does.Contain("seven"));
    }
}
