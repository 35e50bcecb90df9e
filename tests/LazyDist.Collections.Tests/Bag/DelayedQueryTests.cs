using LazyDist.Schedulers;

namespace LazyDist.Collections.Tests.Bag;

public class DelayedQueryTests
{
    [Test]
    public void QuerySyntax_TwoDelayedValues_Combined()
    {
        var x = Collections.Delayed.Value(6);
        var y = Collections.Delayed.Call((int v) => v * 7, 1);
        var sum = from a in x from b in y select a + b;
        Assert.That(sum.Compute(new SynchronousScheduler()), Is.EqualTo(13));
        var bound = from a in x from b in Collections.Delayed.Value(a * 10) select a + b;
        Assert.That(bound.Compute(new ThreadedScheduler(2)), Is.EqualTo(66));
    }

    [Test]
    public void QuerySyntax_BagReductions_CombinedAsDelayedValues()
    {
        var bag = DistBag.Range(1, 100, 4);
        var mean = from total in bag.Sum() from count in bag.Count() select (double)total / count;
        Assert.That(mean.Compute(new SynchronousScheduler()), Is.EqualTo(50.5));
    }
}
