using LazyDist.Graph;
using LazyDist.Schedulers;

namespace LazyDist.Collections.Tests.Bag;

public class NarrowTests
{
    [Test]
    public void SelectWhereSelectMany_Chain_MatchesLinqAndRunsOneTaskPerPartition()
    {
        var data = Enumerable.Range(0, 1000).ToList();
        var bag = DistBag.From(data, 7).Select(x => x * 3).Where(x => x % 2 == 0).SelectMany(x => new[] { x, -x });
        var expected = data.Select(x => x * 3).Where(x => x % 2 == 0).SelectMany(x => new[] { x, -x }).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(bag.Compute(new SynchronousScheduler()), Is.EqualTo(expected));
            Assert.That(bag.Compute(new ThreadedScheduler(2), optimize: false), Is.EqualTo(expected));
            Assert.That(bag.GetGraph().Count, Is.EqualTo(7), "one fused task per partition");
            Assert.That(bag.Graph.Count, Is.EqualTo(28));
        });
    }

    [Test]
    public void Select_ExecutionIsDeferred()
    {
        int calls = 0;
        var bag = DistBag.Range(0, 10, 3).Select(x => { Interlocked.Increment(ref calls); return x; });
        Assert.That(calls, Is.Zero);
        _ = bag.Compute(new SynchronousScheduler());
        Assert.That(calls, Is.EqualTo(10));
    }

    [Test]
    public void Select_SourceIsNull_ArgumentNullExceptionThrown() =>
        Assert.Throws<ArgumentNullException>(() => ((DistBag<int>)null!).Select(x => x));

    [Test]
    public void Range_ManyPartitions_MatchesEnumerableRange() =>
        Assert.That(DistBag.Range(-5, 23, 9).Compute(new SynchronousScheduler()), Is.EqualTo(Enumerable.Range(-5, 23)));
}

public class CombineTreeTests
{
    [Test]
    public void CountByAndAggregateBy_ManyPartitions_CombineInATreeAndMatchLinq()
    {
        var words = Enumerable.Range(0, 5000).Select(i => $"w{i * 7919 % 300}").ToList();
        var bag = DistBag.From(words, 60);
        Assert.Multiple(() =>
        {
            Assert.That(bag.CountBy(w => w).Compute(new ThreadedScheduler(2)), Is.EquivalentTo(words.CountBy(w => w)));
            Assert.That(bag.AggregateBy(w => w.Length, 0L, (n, w) => n + w.Length, (a, b) => a + b).Compute(new SynchronousScheduler()),
                Is.EquivalentTo(words.AggregateBy(w => w.Length, 0L, (n, w) => n + w.Length)));
            Assert.That(bag.CountBy(w => w).PartitionCount, Is.EqualTo(60), "60 partials merged 8 at a time before the shuffle, back to 60 partitions after it");
        });
    }

    [Test]
    public void CountBy_SoManyPartitionsTheShuffleIsStaged_KeepsThePartitionCountAndMatchesLinq()
    {
        // 600 partitions: 75 merged partials into 600 outputs is 45,000 buckets, so the shuffle runs in stages.
        var words = Enumerable.Range(0, 3000).Select(i => $"w{i * 7919 % 500}").ToList();
        var counts = DistBag.From(words, 600).CountBy(w => w);
        Assert.Multiple(() =>
        {
            Assert.That(counts.PartitionCount, Is.EqualTo(600));
            Assert.That(counts.Compute(new ThreadedScheduler(2)), Is.EquivalentTo(words.CountBy(w => w)));
            Assert.That(counts.Compute(new ThreadedScheduler(2)), Is.EqualTo(counts.Compute(new SynchronousScheduler())), "the same order on every scheduler");
        });
    }
}
