using LazyDist.Collections;
using LazyDist.Graph;
using LazyDist.Schedulers;

// Outside LazyDist.Collections.Tests, whose Delayed folder namespace would hide the Delayed class.
namespace LazyDist.Tour;

/// <summary>The README's tour, as written there (smaller sizes), so the README stays true.</summary>
public class ReadmeTourTests
{
    [Test]
    public void Tour_Array_SameBitsOnBothSchedulers()
    {
        var x = DistArray.Random(100_000L * 20, chunkSize: 100_000, seed: 42);
        double a = x.Sum().Compute();
        double b = x.Sum().Compute(new SynchronousScheduler());
        Assert.That(BitConverter.DoubleToInt64Bits(a), Is.EqualTo(BitConverter.DoubleToInt64Bits(b)));
    }

    [Test]
    public void Tour_Delayed_GraphIsDataAndComputes()
    {
        var sums = Enumerable.Range(0, 1000).Select(i =>
        {
            var chunk = Delayed.Call<int, ulong, double[]>(Chunks.Random, 1_000, Chunks.Seed(42, i));
            return Delayed.Call(Chunks.Sum, chunk);
        });
        Delayed<double> total = Delayed.Call(Chunks.Sum, Delayed.All(sums));
        Assert.Multiple(() =>
        {
            Assert.That(total.Key.ToString(), Does.StartWith("'sum-"));
            Assert.That(total.Graph, Has.Count.EqualTo(2002));
            Assert.That(total.Compute(), Is.EqualTo(500.0 * 1000).Within(1).Percent);
        });
        var answer = Delayed.Value(6).Select(v => v * 7);
        var (p, q) = Delayed.Compute(answer, answer.Select(v => v + 1));
        Assert.That((p, q), Is.EqualTo((42, 43)));
    }

    [Test]
    public void Tour_HandBuiltGraph_LikeTheSeed()
    {
        var dsk = new TaskGraph();
        for (int i = 0; i < 100; i++)
        {
            dsk[("x", i)] = new TaskNode(ArrayOperations.Random, 1_000, Chunks.Seed(42, i));
            dsk[("y", i)] = new TaskNode(ArrayOperations.Sum, TaskArg.Ref(("x", i)));
        }
        dsk["total"] = new TaskNode(ArrayOperations.Sum,
            ArgList.OfRefs(Enumerable.Range(0, 100).Select(i => (TaskKey)("y", i))));
        var total = (double)new ThreadedScheduler().Get(dsk, "total")!;
        Assert.Multiple(() =>
        {
            Assert.DoesNotThrow(() => dsk.Validate());
            Assert.That(dsk.ToDot(), Does.Contain("label=\"total\"").And.Contain("label=\"(x, 0)\""));
            Assert.That(dsk.Order()[new TaskKey("total")], Is.EqualTo(dsk.Count - 1));
            Assert.That(total, Is.EqualTo(100 * 500.0).Within(2).Percent);
        });
    }
}
