using LazyDist.Graph;

namespace LazyDist.Collections.Tests.Array;

/// <summary>Several axes at once, keepDims, Prod, the nan- reductions, cumulative sums and products, top-k and percentiles, against numpy's (and dask's) values.</summary>
public class ReductionExtrasTests
{
    private static DistArray<double> A() => DistArray.Arange(24.0, 24).Reshape(2, 3, 4).Rechunk(new[] { 1, 2, 3 });

    [Test]
    public void SeveralAxes_KeepDims_AsNumpy()
    {
        var a = A();
        Assert.Multiple(() =>
        {
            // a = np.arange(24.).reshape(2, 3, 4); a.sum(axis=(0, 2)); a.mean(axis=1, keepdims=True).shape;
            // a.var(axis=(1, 2), ddof=1); a.max(axis=(0, 1)); a.sum(keepdims=True).shape
            Assert.That(a.Sum([0, 2]).Compute(Cases.Sync), Is.EqualTo(new[] { 60.0, 92, 124 }));
            Assert.That(a.Mean(1, keepDims: true).Shape, Is.EqualTo(new[] { 2L, 1, 4 }));
            Assert.That(a.Var([1, 2], ddof: 1).Compute(Cases.Threads), Is.EqualTo(new[] { 13.0, 13 }).Within(1e-12));
            Assert.That(a.Max([0, 1]).Compute(Cases.Sync), Is.EqualTo(new[] { 20.0, 21, 22, 23 }));
            Assert.That(a.Sum([0, 1, 2], keepDims: true).Shape, Is.EqualTo(new[] { 1L, 1, 1 }));
            Assert.That(a.Sum([0, 1, 2], keepDims: true).Compute(Cases.Sync), Is.EqualTo(new[] { 276.0 }));
            Assert.That(() => a.Sum([0, 0]), Throws.ArgumentException.With.Message.Contains("duplicate value in 'axis'"));
            Assert.That(() => a.ArgMax([0, 1]), Throws.ArgumentException.With.Message.Contains("takes one axis"));
        });
    }

    [Test]
    public void ProdAndNanReductions_AsNumpy()
    {
        Assert.Multiple(() =>
        {
            // np.prod([1.5, 2, 3]) == 9; np.prod(np.array([2, 3, 4], np.int32)) == 24 (int64); np.prod([]) == 1
            Assert.That(DistArray.FromArray(new[] { 1.5, 2, 3 }, 2).Prod().Compute(Cases.Sync), Is.EqualTo(9.0));
            Assert.That(DistArray.FromArray(new[] { 2, 3, 4 }, 1).Prod().Compute(Cases.Sync), Is.EqualTo(24L));
            Assert.That(DistArray.Zeros<double>([0], 1).Prod().Compute(Cases.Sync), Is.EqualTo(1.0));
            // np.nansum([nan, 1, -0.0]) == 1; np.nanmin([nan, nan]) is nan; np.nanmean([nan]) is nan; np.nanprod([nan, 2, 3]) == 6; np.nanvar([1, nan, 3]) == 1
            Assert.That(DistArray.FromArray(new[] { double.NaN, 1, -0.0 }, 2).NanSum().Compute(Cases.Sync), Is.EqualTo(1.0));
            Assert.That(DistArray.FromArray(new[] { double.NaN, double.NaN }, 1).NanMin().Compute(Cases.Sync), Is.NaN);
            Assert.That(DistArray.FromArray(new[] { double.NaN }, 1).NanMean().Compute(Cases.Sync), Is.NaN);
            Assert.That(DistArray.FromArray(new[] { double.NaN, 2, 3 }, 2).NanProd().Compute(Cases.Threads), Is.EqualTo(6.0));
            Assert.That(DistArray.FromArray(new[] { 1, double.NaN, 3 }, 1).NanVar().Compute(Cases.Sync), Is.EqualTo(1.0));
            // np.nanargmax([nan, 3, 5, nan]) == 2; np.nanmin([[nan, 2], [nan, nan]], axis=0) == [nan, 2]
            Assert.That(DistArray.FromArray(new[] { double.NaN, 3, 5, double.NaN }, 3).NanArgMax().Compute(Cases.Sync), Is.EqualTo(2L));
            Assert.That(DistArray.FromArray(new[,] { { double.NaN, 2 }, { double.NaN, double.NaN } }, 1).NanMin(0).Compute(Cases.Sync), Is.EqualTo(new[] { double.NaN, 2 }));
            Assert.That(() => DistArray.FromArray(new[] { double.NaN, double.NaN }, 1).NanArgMin().Compute(Cases.Sync),
                Throws.InstanceOf<TaskFailedException>().With.Message.Contains("All-NaN slice encountered"));
        });
    }

    [Test]
    public void CumSumCumProd_AsNumpy([Values(1, 2, 3, 10)] int chunk)
    {
        var b = DistArray.Arange(12L, 12).Reshape(3, 4).Rechunk(new[] { Math.Min(chunk, 3), Math.Min(chunk, 4) });
        Assert.Multiple(() =>
        {
            // np.cumsum(np.arange(10.)); np.cumprod(np.arange(1., 8.))
            Assert.That(DistArray.Arange(10.0, chunk).CumSum().Compute(Cases.Sync), Is.EqualTo(new[] { 0.0, 1, 3, 6, 10, 15, 21, 28, 36, 45 }));
            Assert.That(DistArray.Arange(1.0, 8.0, 1.0, chunk).CumProd().Compute(Cases.Threads), Is.EqualTo(new[] { 1.0, 2, 6, 24, 120, 720, 5040 }));
            // b = np.arange(12).reshape(3, 4); np.cumsum(b, axis=0); np.cumsum(b, axis=1); np.cumprod(b + 1, axis=1)
            Assert.That(b.CumSum(0).ComputeDense(Cases.Sync).ToArray2D(), Is.EqualTo(new long[,] { { 0, 1, 2, 3 }, { 4, 6, 8, 10 }, { 12, 15, 18, 21 } }));
            Assert.That(b.CumSum(1).ComputeDense(Cases.Sync).ToArray2D(), Is.EqualTo(new long[,] { { 0, 1, 3, 6 }, { 4, 9, 15, 22 }, { 8, 17, 27, 38 } }));
            Assert.That((b + 1L).CumProd(1).ComputeDense(Cases.Threads).ToArray2D(), Is.EqualTo(new long[,] { { 1, 2, 6, 24 }, { 5, 30, 210, 1680 }, { 9, 90, 990, 11880 } }));
            Assert.That(b.CumSum().Compute(Cases.Sync), Is.EqualTo(Enumerable.Range(0, 12).Select(i => (long)i * (i + 1) / 2)));
            // np.cumsum(np.array([2**31 - 1, 1], np.int32)) == [2147483647, 2147483648] (int64)
            Assert.That(DistArray.FromArray(new[] { int.MaxValue, 1 }, 1).CumSum().Compute(Cases.Sync), Is.EqualTo(new[] { 2147483647L, 2147483648L }));
        });
    }

    [Test]
    public void CumSum_WithinOneBlock_NumpysBits()
    {
        // np.cumsum([0.1] * 7): sequential additions, as numpy's accumulate
        var x = DistArray.Full([7], 7, 0.1).CumSum().Compute(Cases.Sync);
        Assert.That(x, Is.EqualTo(new[] { 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6, 0.7 }));
    }

    [Test]
    public void CumSum_FusedIntoSum_ScanReadsTheGenerator()
    {
        var x = DistArray.Random(20_000L, 1000, 3);
        var total = x.CumSum().Sum();
        var graph = total.GetGraph();
        Assert.Multiple(() =>
        {
            Assert.That(graph.Values.Where(n => n.Op.Name == ArrayOperations.MapName).Select(n => LazyDist.Collections.Kernels.MapTask.TryRead(n)!.Length), Is.All.EqualTo(1),
                "only the one-element carries are maps: the random blocks fuse into the scans, and scan + carry into the sum");
            Assert.That(graph.Values.Count(n => n.Op.Name == "array.scan"), Is.EqualTo(20));
            var values = x.Compute(Cases.Sync);
            double running = 0, expected = 0;
            foreach (double v in values)
                expected += running += v;
            Assert.That(total.Compute(Cases.Threads), Is.EqualTo(expected).Within(1e-9 * expected));
            Assert.That(total.Compute(Cases.Threads), Is.EqualTo(total.Compute(Cases.Sync, optimize: false)).Within(1e-9 * expected));
        });
    }

    [Test]
    public void TopK_AsDask()
    {
        // x = da.from_array([5., 1, nan, 3, 9, 2], chunks=2): da.topk(x, 2), da.topk(x, -2), da.argtopk(x, 2), da.argtopk(x, -2)
        var x = DistArray.FromArray(new[] { 5.0, 1, double.NaN, 3, 9, 2 }, 2);
        var m = DistArray.FromArray(new[,] { { 4, 8, 1, 6 }, { 7, 2, 9, 3 } }, new[] { 1, 3 });
        Assert.Multiple(() =>
        {
            Assert.That(x.TopK(2, splitEvery: 2).Compute(Cases.Sync), Is.EqualTo(new[] { double.NaN, 9 }));
            Assert.That(x.TopK(-2).Compute(Cases.Threads), Is.EqualTo(new[] { 1.0, 2 }));
            Assert.That(x.ArgTopK(2, splitEvery: 2).Compute(Cases.Sync), Is.EqualTo(new[] { 2L, 4 }));
            Assert.That(x.ArgTopK(-2).Compute(Cases.Sync), Is.EqualTo(new[] { 1L, 5 }));
            Assert.That(m.TopK(2).ComputeDense(Cases.Sync).ToArray2D(), Is.EqualTo(new[,] { { 8, 6 }, { 9, 7 } }));
            Assert.That(m.ArgTopK(1, axis: 0).Compute(Cases.Sync), Is.EqualTo(new[] { 1L, 0, 1, 0 }));
            Assert.That(() => x.TopK(7), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void MedianPercentile_AsNumpy()
    {
        var c = DistArray.FromArray(new[,] { { 5.0, 1, 7 }, { 2, 9, 3 } }, 1);
        Assert.Multiple(() =>
        {
            // np.percentile([1, 2, 3, 4], [10, 50, 99]).tolist() == [1.3, 2.5, 3.9699999999999998]; np.percentile(c, [25, 75], axis=1); np.median(c, axis=0)
            Assert.That(DistArray.FromArray(new[] { 1.0, 2, 3, 4 }, 2).Percentile([10.0, 50, 99], 0).Compute(Cases.Sync), Is.EqualTo(new[] { 1.3, 2.5, 3.9699999999999998 }));
            Assert.That(c.Percentile([25.0, 75], 1).ComputeDense(Cases.Sync).ToArray2D(), Is.EqualTo(new[,] { { 3.0, 2.5 }, { 6.0, 6.0 } }));
            Assert.That(c.Median(0).Compute(Cases.Threads), Is.EqualTo(new[] { 3.5, 5.0, 5.0 }));
            // np.median([[1, nan], [2, 3]], axis=1) == [nan, 2.5]; np.percentile(np.arange(5.), 33.3) == 1.3319999999999999
            Assert.That(DistArray.FromArray(new[,] { { 1, double.NaN }, { 2, 3 } }, 1).Median(1).Compute(Cases.Sync), Is.EqualTo(new[] { double.NaN, 2.5 }));
            Assert.That(DistArray.Arange(5.0, 2).Percentile(33.3, 0).Compute(Cases.Sync), Is.EqualTo(new[] { 1.3319999999999999 }));
            Assert.That(DistArray.FromArray(new[] { 1f, 2f }, 1).Median(0).Compute(Cases.Sync), Is.TypeOf<float[]>());
        });
    }
}
