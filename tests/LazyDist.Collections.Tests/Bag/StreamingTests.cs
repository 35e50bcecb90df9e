using System.Runtime.CompilerServices;
using LazyDist.Graph;
using LazyDist.Schedulers;

namespace LazyDist.Collections.Tests.Bag;

public class StreamingTests
{
    [Test, CancelAfter(60_000)]
    public async Task ToAsyncEnumerable_Threads_InOrderAndAsyncLinqWorks(CancellationToken token)
    {
        var bag = DistBag.Range(0, 1000, 9).Select(x => x * 2);
        var all = new List<int>();
        await foreach (var x in bag.ToAsyncEnumerable(new ThreadedScheduler(2), token))
            all.Add(x);
        Assert.That(all, Is.EqualTo(Enumerable.Range(0, 1000).Select(x => x * 2)));
        var some = await bag.ToAsyncEnumerable(new SynchronousScheduler(), token).Where(x => x % 3 == 0).Take(4).ToListAsync(token);
        Assert.That(some, Is.EqualTo(new[] { 0, 6, 12, 18 }));
    }

    [Test, CancelAfter(120_000)]
    public async Task ToAsyncEnumerable_ManyShortRunsOnEveryLocalScheduler_EachEnds(CancellationToken token)
    {
        // Each run ends as its consumer takes the last partition, or stops after the first element: the
        // ending once raced with the run's own completion on threads and hung.
        IScheduler[] schedulers = [new ThreadedScheduler(2), new SynchronousScheduler(), new ThreadedScheduler(1)];
        var bag = DistBag.Range(0, 4, 2);
        for (int round = 0; round < 150; round++)
        {
            foreach (var scheduler in schedulers)
            {
                var all = await bag.ToAsyncEnumerable(scheduler, token).ToListAsync(token).AsTask().WaitAsync(TimeSpan.FromSeconds(30), token);
                Assert.That(all, Is.EqualTo(new[] { 0, 1, 2, 3 }), $"{scheduler}, round {round}");
                var first = await bag.ToAsyncEnumerable(scheduler, token).FirstAsync(token).AsTask().WaitAsync(TimeSpan.FromSeconds(30), token);
                Assert.That(first, Is.Zero, $"{scheduler}, round {round}");
            }
        }
    }

    /// <summary>
    /// One thread, so partitions are made strictly in index order and the bound is exact whatever the machine's
    /// speed (with more threads a preempted task for the consumer's next partition lets the others run ahead, which
    /// the handoff allows: it never makes a task wait while the consumer waits for a partition not yet made).
    /// </summary>
    [Test, CancelAfter(120_000)]
    public async Task ToAsyncEnumerable_SlowConsumer_FinishedPartitionsWaitInABoundedNumber(CancellationToken token)
    {
        const int Window = 2, Threads = 1, Partitions = 30;
        var made = new StrongBox<int>();
        var bag = DistBag.Range(0, Partitions * 10, Partitions).MapPartitions(p => Made(p, made));
        var handoff = new PartitionHandoff(Window);
        var items = DistBag.StreamedLocally(bag, new ThreadedScheduler(Threads), handoff, token).GetAsyncEnumerator(token);
        var all = new List<int>();
        try
        {
            Assert.That(await items.MoveNextAsync(), Is.True);
            all.Add(items.Current);
            // The consumer takes nothing more: the thread ends up waiting with its finished partition.
            await handoff.WhenWaiting(Threads).WaitAsync(token);
            Assert.That(handoff.Held, Is.LessThanOrEqualTo(Window + Threads), "finished partitions held while the thread waits");
            Assert.That(Volatile.Read(ref made.Value), Is.LessThan(Partitions), "the run stopped making partitions");
            while (await items.MoveNextAsync())
                all.Add(items.Current);
        }
        finally
        {
            await items.DisposeAsync();
        }
        Assert.That(all, Is.EqualTo(Enumerable.Range(0, Partitions * 10)));
        Assert.That(handoff.MaxHeld, Is.LessThanOrEqualTo(Window + Threads), "the most partitions held at once");
    }

    [Test, CancelAfter(120_000)]
    public async Task ToAsyncEnumerable_StoppedWhileTasksWait_EndsAndMakesNoMorePartitions(CancellationToken token)
    {
        const int Threads = 2, Partitions = 40;
        var made = new StrongBox<int>();
        var bag = DistBag.Range(0, Partitions, Partitions).MapPartitions(p => Made(p, made));
        var handoff = new PartitionHandoff(1);
        var items = DistBag.StreamedLocally(bag, new ThreadedScheduler(Threads), handoff, token).GetAsyncEnumerator(token);
        Assert.That(await items.MoveNextAsync(), Is.True);
        await handoff.WhenWaiting(Threads).WaitAsync(token);
        await items.DisposeAsync().AsTask().WaitAsync(token);
        Assert.That(Volatile.Read(ref made.Value), Is.LessThan(Partitions), "the partitions not yet made were cancelled");
        Assert.That(handoff.Held, Is.Zero, "what was held was let go");
    }

    private static IEnumerable<int> Made(IEnumerable<int> partition, StrongBox<int> made)
    {
        Interlocked.Increment(ref made.Value);
        return partition;
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
