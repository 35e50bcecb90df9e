using LazyDist.Graph;

namespace LazyDist.Collections.Tests.Array;

public class CreationTests
{
    [Test]
    public void Random_NDimensional_BlockIsChunksRandomOfSeedAndBlockNumber()
    {
        var x = DistArray.Random([5, 4], new[] { 3, 3 }, seed: 7);
        var dense = x.ComputeDense(Cases.Sync);
        // Block 1 is rows 0..2, columns 3..3: Chunks.Random(3, Seed(7, 1)) in row-major order.
        var block = Chunks.Random(3, Chunks.Seed(7, 1));
        Assert.Multiple(() =>
        {
            Assert.That(x.NumBlocks, Is.EqualTo(new[] { 2, 2 }));
            Assert.That(new[] { dense[0, 3], dense[1, 3], dense[2, 3] }, Is.EqualTo(block));
            Assert.That(dense.Shape, Is.EqualTo(new[] { 5, 4 }));
            Assert.That(dense.Strides, Is.EqualTo(new[] { 4, 1 }));
        });
    }

    [Test]
    public void Random_SameOnEveryScheduler_AndWithOrWithoutOptimization()
    {
        var x = DistArray.Random([50, 30], new[] { 7, 11 }, seed: 3);
        var sync = x.Compute(Cases.Sync, optimize: false);
        Assert.Multiple(() =>
        {
            Assert.That(x.Compute(Cases.Threads), Is.EqualTo(sync));
            Assert.That(x.Compute(Cases.Sync), Is.EqualTo(sync));
        });
    }

    [Test]
    public void Chunks_CountDoesNotMatchShape_MessageNamesBoth()
    {
        var ex = Assert.Throws<ArgumentException>(() => DistArray.Random([5000], new[] { 1000, 7 }, 1));
        Assert.That(ex!.Message, Does.Contain("chunks (1000, 7) do not match shape (5000,)"));
    }

    [Test]
    public void Chunks_ExplicitSizesDoNotAddUp_MessageNamesBoth()
    {
        var ex = Assert.Throws<ArgumentException>(() => DistArray.Zeros<int>([5, 2], new[] { new[] { 2, 2 }, new[] { 2 } }));
        Assert.That(ex!.Message, Does.Contain("chunks ((2, 2), (2,)) do not match shape (5, 2)"));
    }

    [Test]
    public void Chunks_NonPositive_MessageNamesValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DistArray.Ones<long>([5], 0));
        Assert.That(ex!.Message, Does.Contain("chunk size must be positive"));
    }

    [Test]
    public void Chunks_Forms_Normalize()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DistArray.Zeros<float>([10, 4], 3).Chunks, Is.EqualTo(new[] { new[] { 3, 3, 3, 1 }, new[] { 3, 1 } }));
            Assert.That(DistArray.Zeros<float>([10, 4], new[] { 5, -1 }).Chunks, Is.EqualTo(new[] { new[] { 5, 5 }, new[] { 4 } }));
            Assert.That(DistArray.Zeros<float>([10, 4], [5, 2]).Chunks, Is.EqualTo(new[] { new[] { 5, 5 }, new[] { 2, 2 } }));
            Assert.That(DistArray.Zeros<float>([0, 4], 3).Chunks, Is.EqualTo(new[] { new[] { 0 }, new[] { 3, 1 } }));
        });
    }

    [Test]
    public void Normal_MeanAndStdNearParameters_Deterministic()
    {
        var x = DistArray.Normal([400, 500], 128, seed: 11, mean: 2.0, std: 3.0);
        double mean = x.Mean().Compute(Cases.Threads), std = x.Std().Compute(Cases.Threads);
        Assert.Multiple(() =>
        {
            Assert.That(mean, Is.EqualTo(2.0).Within(0.03));
            Assert.That(std, Is.EqualTo(3.0).Within(0.03));
            Assert.That(x.Compute(Cases.Sync), Is.EqualTo(x.Compute(Cases.Threads, optimize: false)));
        });
    }

    [Test]
    public void FullZerosOnes_AllTypes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DistArray.Full([2, 3], 2, 7.5).Compute(Cases.Sync), Is.All.EqualTo(7.5));
            Assert.That(DistArray.Full([4], 3, 9f).Compute(Cases.Sync), Is.EqualTo(new[] { 9f, 9f, 9f, 9f }));
            Assert.That(DistArray.Zeros<int>([3], 2).Compute(Cases.Sync), Is.EqualTo(new[] { 0, 0, 0 }));
            Assert.That(DistArray.Ones<long>([2, 2], 1).Compute(Cases.Threads), Is.EqualTo(new[] { 1L, 1, 1, 1 }));
        });
    }

    [TestCase(0, 10, 1, 3)]
    [TestCase(5, -7, -3, 2)]
    [TestCase(0, 0, 1, 4)]
    [TestCase(-4, 17, 5, 1)]
    public void Arange_Integers_MatchesRange(int start, int stop, int step, int chunk)
    {
        var expected = new List<int>();
        for (int v = start; step > 0 ? v < stop : v > stop; v += step)
            expected.Add(v);
        Assert.Multiple(() =>
        {
            Assert.That(DistArray.Arange(start, stop, step, chunk).Compute(Cases.Sync), Is.EqualTo(expected));
            Assert.That(DistArray.Arange((long)start, stop, step, chunk).Compute(Cases.Threads), Is.EqualTo(expected.Select(v => (long)v)));
        });
    }

    [Test]
    public void Arange_Doubles_NumpysBits()
    {
        var x = DistArray.Arange(0.5, 3.0, 0.3, 4).Compute(Cases.Sync);
        // numpy.arange(0.5, 3.0, 0.3): start, start + step, then start + i * ((start + step) - start)
        double[] numpy = [0.5, 0.8, 1.1, 1.4000000000000001, 1.7000000000000002, 2.0, 2.3000000000000003, 2.6000000000000005, 2.9000000000000004];
        Assert.That(x.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(numpy.Select(BitConverter.DoubleToInt64Bits)));
    }

    [Test]
    public void Linspace_MatchesNumpyFormula_LastIsStop()
    {
        var x = DistArray.Linspace(1.0, 2.0, 7, 3).Compute(Cases.Sync);
        var open = DistArray.Linspace(0.0, 1.0, 4, 3, endpoint: false).Compute(Cases.Sync);
        Assert.Multiple(() =>
        {
            Assert.That(x, Is.EqualTo(Enumerable.Range(0, 7).Select(i => i == 6 ? 2.0 : i * (1.0 / 6) + 1.0)));
            Assert.That(open, Is.EqualTo(new[] { 0.0, 0.25, 0.5, 0.75 }));
            Assert.That(DistArray.Linspace(3.0, 5.0, 1, 3).Compute(Cases.Sync), Is.EqualTo(new[] { 3.0 }));
        });
    }

    [Test]
    public void FromArray_OneAndTwoDimensions_RoundTrip()
    {
        int[] flat = [1, 2, 3, 4, 5];
        var grid = new long[,] { { 1, 2, 3 }, { 4, 5, 6 } };
        var x = DistArray.FromArray(flat, 2);
        var y = DistArray.FromArray(grid, new[] { 1, 2 });
        Assert.Multiple(() =>
        {
            Assert.That(x.Compute(Cases.Sync), Is.EqualTo(flat));
            Assert.That(x.Chunks[0], Is.EqualTo(new[] { 2, 2, 1 }));
            Assert.That(y.ComputeDense(Cases.Threads).ToArray2D(), Is.EqualTo(grid));
            Assert.That(y.ChunkCount, Is.EqualTo(4));
        });
    }

    [Test]
    public void FromBlocks_GridOfDelayed_Assembles()
    {
        var blocks = new Delayed<double[]>[,]
        {
            { LazyDist.Collections.Delayed.Value(new[] { 1.0, 2 }), LazyDist.Collections.Delayed.Value(new[] { 3.0 }) },
            { LazyDist.Collections.Delayed.Value(new[] { 4.0, 5, 7, 8 }), LazyDist.Collections.Delayed.Value(new[] { 6.0, 9 }) },
        };
        var x = DistArray.FromBlocks(blocks, [1, 2], [2, 1]);
        Assert.That(x.ComputeDense(Cases.Sync).ToArray2D(), Is.EqualTo(new double[,] { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } }));
    }

    [Test]
    public void FromBlocks_WrongBlockLength_FailsNamingLengths()
    {
        var x = DistArray.FromBlocks([LazyDist.Collections.Delayed.Value(new[] { 1, 2, 3 })], [[2]]);
        var ex = Assert.Throws<TaskFailedException>(() => x.Compute(Cases.Sync));
        Assert.That(ex!.Message, Does.Contain("3 elements where the array's chunks say 2"));
    }

    [Test]
    public void Creation_ExecutionIsDeferred_GraphsUseBuiltinsOnly()
    {
        var x = DistArray.Random([1_000_000, 1_000_000], 1000, 1);
        var small = (DistArray.Random([6, 4], 3, 1) * 2.0 + DistArray.Arange(0.0, 4.0, 1.0, 2)).Sum(axis: 0);
        Assert.Multiple(() =>
        {
            Assert.That(x.ChunkCount, Is.EqualTo(1_000_000));
            Assert.That(small.Graph.Values.All(n => n.Op.IsBuiltin), Is.True);
            Assert.DoesNotThrow(() => small.GetGraph().Serialize());
        });
    }
}
