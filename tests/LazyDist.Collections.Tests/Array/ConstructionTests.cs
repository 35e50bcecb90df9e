namespace LazyDist.Collections.Tests.Array;

/// <summary>Eye, Diag, Tril/Triu, Meshgrid, the *Like arrays, Split/HStack/VStack, Repeat, Tile and Pad, against numpy's values.</summary>
public class ConstructionTests
{
    private static DistArray<long> A(int chunk) => DistArray.Arange(1L, 13L, 1L, 12).Reshape(3, 4).Rechunk(chunk);

    private static T[,] D<T>(DistArray<T> x) where T : unmanaged, System.Numerics.INumber<T> => x.ComputeDense(Cases.Sync).ToArray2D();

    [Test]
    public void EyeTrilTriuDiag_AsNumpy([Values(1, 2, 5)] int chunk)
    {
        var a = A(chunk);
        Assert.Multiple(() =>
        {
            // np.eye(3, 4, k=1); np.eye(2, dtype=np.int32)
            Assert.That(D(DistArray.Eye<double>(3, chunk, m: 4, k: 1)), Is.EqualTo(new double[,] { { 0, 1, 0, 0 }, { 0, 0, 1, 0 }, { 0, 0, 0, 1 } }));
            Assert.That(D(DistArray.Eye<int>(2, chunk)), Is.EqualTo(new[,] { { 1, 0 }, { 0, 1 } }));
            // a = np.arange(1, 13).reshape(3, 4); np.tril(a); np.triu(a, 1); np.tril(a, -1)
            Assert.That(D(a.Tril()), Is.EqualTo(new long[,] { { 1, 0, 0, 0 }, { 5, 6, 0, 0 }, { 9, 10, 11, 0 } }));
            Assert.That(D(a.Triu(1)), Is.EqualTo(new long[,] { { 0, 2, 3, 4 }, { 0, 0, 7, 8 }, { 0, 0, 0, 12 } }));
            Assert.That(D(a.Tril(-1)), Is.EqualTo(new long[,] { { 0, 0, 0, 0 }, { 5, 0, 0, 0 }, { 9, 10, 0, 0 } }));
            // np.diag(a), np.diag(a, 1), np.diag(a, -1), np.diag([1, 2, 3], 1), np.diag([4, 5], -1)
            Assert.That(a.Diag().Compute(Cases.Sync), Is.EqualTo(new long[] { 1, 6, 11 }));
            Assert.That(a.Diag(1).Compute(Cases.Sync), Is.EqualTo(new long[] { 2, 7, 12 }));
            Assert.That(a.Diag(-1).Compute(Cases.Threads), Is.EqualTo(new long[] { 5, 10 }));
            Assert.That(D(DistArray.FromArray(new long[] { 1, 2, 3 }, chunk).Diag(1)), Is.EqualTo(new long[,] { { 0, 1, 0, 0 }, { 0, 0, 2, 0 }, { 0, 0, 0, 3 }, { 0, 0, 0, 0 } }));
            Assert.That(D(DistArray.FromArray(new long[] { 4, 5 }, chunk).Diag(-1)), Is.EqualTo(new long[,] { { 0, 0, 0 }, { 4, 0, 0 }, { 0, 5, 0 } }));
        });
    }

    [Test]
    public void MeshgridAndLike_AsNumpy()
    {
        var x = DistArray.FromArray(new[] { 1.0, 2, 3 }, 2);
        var y = DistArray.FromArray(new[] { 10.0, 20 }, 1);
        var xy = DistArray.Meshgrid([x, y]);
        var ij = DistArray.Meshgrid([x, y], "ij");
        Assert.Multiple(() =>
        {
            // X, Y = np.meshgrid([1., 2, 3], [10., 20]); I, J = np.meshgrid(..., indexing='ij')
            Assert.That(D(xy[0]), Is.EqualTo(new double[,] { { 1, 2, 3 }, { 1, 2, 3 } }));
            Assert.That(D(xy[1]), Is.EqualTo(new double[,] { { 10, 10, 10 }, { 20, 20, 20 } }));
            Assert.That(ij[0].Shape, Is.EqualTo(new[] { 3L, 2 }));
            Assert.That(D(ij[1]), Is.EqualTo(new double[,] { { 10, 20 }, { 10, 20 }, { 10, 20 } }));
            Assert.That(DistArray.OnesLike(xy[0]).Sum().Compute(Cases.Sync), Is.EqualTo(6.0));
            Assert.That(DistArray.FullLike(A(2), 7L).Chunks, Is.EqualTo(A(2).Chunks));
            Assert.That(DistArray.ZerosLike(A(2)).Max().Compute(Cases.Sync), Is.Zero);
            Assert.That(DistArray.FromArray(new int[,,] { { { 1, 2 } }, { { 3, 4 } } }, 1).Shape, Is.EqualTo(new[] { 2L, 1, 2 }));
            Assert.That(DistArray.FromArray(new[] { 5.0 }, [], 1).Compute(Cases.Sync), Is.EqualTo(new[] { 5.0 }));
        });
    }

    [Test]
    public void SplitStackRepeatTile_AsNumpy()
    {
        var six = DistArray.Arange(6L, 4);
        var m = DistArray.FromArray(new long[,] { { 1, 2 }, { 3, 4 } }, 1);
        Assert.Multiple(() =>
        {
            // np.split(np.arange(6), 3); np.split(np.arange(6), [2, 5])
            Assert.That(six.Split(3).Select(s => s.Compute(Cases.Sync)), Is.EqualTo(new[] { new long[] { 0, 1 }, [2, 3], [4, 5] }));
            Assert.That(six.Split([2L, 5]).Select(s => s.Compute(Cases.Sync)), Is.EqualTo(new[] { new long[] { 0, 1 }, [2, 3, 4], [5] }));
            Assert.That(() => six.Split(4), Throws.ArgumentException.With.Message.Contains("array split does not result in an equal division"));
            // np.hstack([np.arange(2), np.arange(3)]); np.vstack([np.arange(2), np.arange(2) + 5])
            Assert.That(DistArray.HStack([DistArray.Arange(2L, 1), DistArray.Arange(3L, 2)]).Compute(Cases.Sync), Is.EqualTo(new long[] { 0, 1, 0, 1, 2 }));
            Assert.That(D(DistArray.VStack([DistArray.Arange(2L, 1), DistArray.Arange(2L, 1) + 5L])), Is.EqualTo(new long[,] { { 0, 1 }, { 5, 6 } }));
            // np.repeat([[1, 2], [3, 4]], 2, axis=0); np.repeat(..., 3); np.tile([1, 2], (2, 2))
            Assert.That(D(m.Repeat(2, axis: 0)), Is.EqualTo(new long[,] { { 1, 2 }, { 1, 2 }, { 3, 4 }, { 3, 4 } }));
            Assert.That(m.Repeat(3).Compute(Cases.Threads), Is.EqualTo(new long[] { 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4 }));
            Assert.That(D(DistArray.FromArray(new long[] { 1, 2 }, 1).Tile(2, 2)), Is.EqualTo(new long[,] { { 1, 2, 1, 2 }, { 1, 2, 1, 2 } }));
        });
    }

    [TestCase("constant", new long[] { 0, 0, 1, 2, 3, 4, 0, 0, 0 })]
    [TestCase("edge", new long[] { 1, 1, 1, 2, 3, 4, 4, 4, 4 })]
    [TestCase("wrap", new long[] { 3, 4, 1, 2, 3, 4, 1, 2, 3 })]
    [TestCase("reflect", new long[] { 3, 2, 1, 2, 3, 4, 3, 2, 1 })]
    [TestCase("symmetric", new long[] { 2, 1, 1, 2, 3, 4, 4, 3, 2 })]
    public void Pad_Modes_AsNumpy(string mode, long[] numpy)
    {
        // np.pad([1, 2, 3, 4], (2, 3), mode=mode)
        var v = DistArray.FromArray(new long[] { 1, 2, 3, 4 }, 3);
        Assert.That(v.Pad([2], [3], mode).Compute(Cases.Sync), Is.EqualTo(numpy));
    }

    [Test]
    public void Pad_TwoAxesConstant_AsNumpy()
    {
        // np.pad([[1, 2], [3, 4]], ((1, 0), (0, 1)), constant_values=9)
        var m = DistArray.FromArray(new long[,] { { 1, 2 }, { 3, 4 } }, 1);
        Assert.That(D(m.Pad([1, 0], [0, 1], value: 9)), Is.EqualTo(new long[,] { { 9, 9, 9 }, { 1, 2, 9 }, { 3, 4, 9 } }));
    }
}
