using LazyDist.Graph;
using LazyDist.Schedulers;

namespace LazyDist.Collections.Tests.Array;

public class DistArrayTests
{
    private static readonly SynchronousScheduler Sync = new();

    [Test]
    public void Random_ChunkValues_DependOnSeedAndIndexOnly()
    {
        var x = DistArray.Random(25, 10, seed: 3);
        double[] values = x.Compute(Sync);
        var expected = Chunks.Random(10, Chunks.Seed(3, 0)).Concat(Chunks.Random(10, Chunks.Seed(3, 1))).Concat(Chunks.Random(5, Chunks.Seed(3, 2)));
        Assert.That(values, Is.EqualTo(expected));
    }

    [Test]
    public void Random_ValuesInUnitInterval_MeanNearHalf()
    {
        double[] values = DistArray.Random(100_000, 7_000, seed: 5).Compute(Sync);
        Assert.Multiple(() =>
        {
            Assert.That(values, Has.Length.EqualTo(100_000));
            Assert.That(values.Min(), Is.GreaterThanOrEqualTo(0.0));
            Assert.That(values.Max(), Is.LessThan(1.0));
            Assert.That(values.Average(), Is.EqualTo(0.5).Within(0.005));
        });
    }

    [Test]
    public void Random_DifferentSeeds_DifferentValues()
    {
        Assert.That(DistArray.Random(100, 10, 1).Compute(Sync), Is.Not.EqualTo(DistArray.Random(100, 10, 2).Compute(Sync)));
    }

    [Test]
    public void Random_RaggedLastChunk()
    {
        var x = DistArray.Random(1001, 100, 1);
        Assert.Multiple(() =>
        {
            Assert.That(x.ChunkCount, Is.EqualTo(11));
            Assert.That(x.ChunkLength(10), Is.EqualTo(1));
            Assert.That(x.ChunkKeys[10], Is.EqualTo(new TaskKey(x.Name, 10)));
        });
    }

    [TestCase(1, 1)]
    [TestCase(10, 3)]
    [TestCase(1000, 7)]
    [TestCase(33 * 33 + 5, 1)]
    public void Sum_MatchesPlainArray(int length, int chunkSize)
    {
        var x = DistArray.Random(length, chunkSize, seed: 9);
        double expected = x.Compute(Sync).Sum();
        Assert.That(x.Sum().Compute(Sync), Is.EqualTo(expected).Within(1e-12 * length));
    }

    [Test]
    public void Sum_Empty_IsZero()
    {
        Assert.That(DistArray.Random(0, 10, 1).Sum().Compute(Sync), Is.Zero);
    }

    [Test]
    public void Sum_IsATreeOfSplitEvery()
    {
        var sum = DistArray.Random(100, 1, 1).Sum(splitEvery: 4);
        var graph = sum.Graph;
        int maxFanIn = graph.Values.Max(n => n.Dependencies.Count);
        Assert.Multiple(() =>
        {
            Assert.That(maxFanIn, Is.LessThanOrEqualTo(4));
            Assert.That(graph.Values.All(n => n.Op.IsBuiltin), Is.True, "array graphs use built-in operations only");
        });
    }

    [Test]
    public void Sum_SameBitsOnEveryScheduler()
    {
        var sum = DistArray.Random(300_001, 1_000, 77).Sum();
        double sync = sum.Compute(Sync), threads = sum.Compute(new ThreadedScheduler(2)), four = sum.Compute(new ThreadedScheduler(4));
        Assert.Multiple(() =>
        {
            Assert.That(BitConverter.DoubleToInt64Bits(threads), Is.EqualTo(BitConverter.DoubleToInt64Bits(sync)));
            Assert.That(BitConverter.DoubleToInt64Bits(four), Is.EqualTo(BitConverter.DoubleToInt64Bits(sync)));
        });
    }

    [Test]
    public void Sum_SplitEveryBelowTwo_MessageNamesValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DistArray.Random(10, 1, 1).Sum(splitEvery: 1));
        Assert.That(ex!.Message, Does.Contain("splitEvery must be at least 2, got 1"));
    }

    [Test]
    public void Random_ChunkSizeZero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DistArray.Random(10, 0, 1));
    }

    [Test]
    public void Random_ExecutionIsDeferred_GraphIsData()
    {
        var x = DistArray.Random(1_000_000_000_000, 1_000_000, 1);
        Assert.Multiple(() =>
        {
            Assert.That(x.ChunkCount, Is.EqualTo(1_000_000));
            Assert.That(x.Name, Does.StartWith("random-"));
            Assert.That(DistArray.Random(1_000_000_000_000, 1_000_000, 1).Name, Is.EqualTo(x.Name), "deterministic names");
        });
    }
}
