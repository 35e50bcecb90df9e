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
