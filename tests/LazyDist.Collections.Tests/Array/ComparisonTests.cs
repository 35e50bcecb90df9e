namespace LazyDist.Collections.Tests.Array;

/// <summary>Comparisons, masks, Where, Any/All and Clip against numpy's values (numpy 1.24; the expressions in the comments).</summary>
public class ComparisonTests
{
    private static readonly double[] X = [1.0, double.NaN, -0.0, 2, double.PositiveInfinity];
    private static readonly double[] Y = [1, double.NaN, 0.0, 3, double.PositiveInfinity];

    [Test]
    public void Comparisons_IeeeRules_AsNumpy([Values(1, 2, 5)] int chunk)
    {
        var x = DistArray.FromArray(X, chunk);
        var y = DistArray.FromArray(Y, 2);
        Assert.Multiple(() =>
        {
            // x == y, x != y, x < y, x >= y, x > 0.5, 0.5 < x
            Assert.That(x.Equal(y).Compute(Cases.Sync), Is.EqualTo(new[] { true, false, true, false, true }));
            Assert.That(x.NotEqual(y).Compute(Cases.Threads), Is.EqualTo(new[] { false, true, false, true, false }));
            Assert.That((x < y).Compute(Cases.Sync), Is.EqualTo(new[] { false, false, false, true, false }));
            Assert.That((x >= y).Compute(Cases.Sync), Is.EqualTo(new[] { true, false, true, false, true }));
            Assert.That((x > 0.5).Compute(Cases.Threads), Is.EqualTo(new[] { true, false, false, true, true }));
            Assert.That((0.5 < x).Compute(Cases.Sync), Is.EqualTo(new[] { true, false, false, true, true }));
            Assert.That(x.LessEqual(2.0).Compute(Cases.Sync), Is.EqualTo(new[] { true, false, true, true, false }));
        });
    }

    [Test]
    public void Where_ArraysAndScalars_AsNumpy()
    {
        var x = DistArray.FromArray(X, 2);
        Assert.Multiple(() =>
        {
            // np.where(x > 0.5, x * 2, x); np.where(x > 0.5, x, 7.0)
            Assert.That(Bits(DistArray.Where(x > 0.5, x * 2.0, x).Compute(Cases.Sync)), Is.EqualTo(Bits([2.0, double.NaN, -0.0, 4.0, double.PositiveInfinity])));
            Assert.That(DistArray.Where(x > 0.5, x, 7.0).Compute(Cases.Threads), Is.EqualTo(new[] { 1.0, 7, 7, 2, double.PositiveInfinity }));
            Assert.That(DistArray.Where(x > 0.5, 1, 0).Compute(Cases.Sync), Is.EqualTo(new[] { 1, 0, 0, 1, 1 }));
            Assert.That(DistArray.Where(x.IsNaN(), 0.0, x).Sum().Compute(Cases.Sync), Is.EqualTo(double.PositiveInfinity));
        });
    }

    [Test]
    public void Where_FusedIntoSum_OneTaskPerBlockGeneratingOnce()
    {
        var x = DistArray.Random(10_000L, 1000, 5);
        var sum = DistArray.Where(x > 0.5, x * 2.0, x).Sum();
        var graph = sum.GetGraph();
        var reduce = graph.Values.Where(n => n.Op.Name == ArrayOperations.ReduceName).ToList();
        var program = LazyDist.Collections.Kernels.ReduceTask.TryRead(reduce[0])!.Program;
        Assert.Multiple(() =>
        {
            Assert.That(reduce, Has.Count.EqualTo(10));
            Assert.That(graph.Values.Count(n => n.Op.Name == ArrayOperations.MapName), Is.Zero);
            Assert.That(program.Code.Count(c => c.Op == LazyDist.Collections.Kernels.BlockOp.Random), Is.EqualTo(1), "x is generated once per tile and reused");
            var values = x.Compute(Cases.Sync);
            double expected = sum.Compute(Cases.Sync, optimize: false);
            Assert.That(sum.Compute(Cases.Threads), Is.EqualTo(expected));
            Assert.That(expected, Is.EqualTo(values.Sum(v => v > 0.5 ? v * 2 : v)).Within(1e-9));
        });
    }

    [Test]
    public void LogicalAndBitwise_AsNumpy()
    {
        var m = DistArray.FromArray(new[] { true, false, true }, 2);
        var n = DistArray.FromArray(new[] { true, true, false }, 1);
        var a = DistArray.FromArray(new[] { 5, 3 }, 1);
        var b = DistArray.FromArray(new[] { 6, 1 }, 2);
        Assert.Multiple(() =>
        {
            // m & n, m | n, m ^ n, ~m, m + n (or), m * n (and)
            Assert.That((m & n).Compute(Cases.Sync), Is.EqualTo(new[] { true, false, false }));
            Assert.That((m | n).Compute(Cases.Sync), Is.EqualTo(new[] { true, true, true }));
            Assert.That((m ^ n).Compute(Cases.Threads), Is.EqualTo(new[] { false, true, true }));
            Assert.That((!m).Compute(Cases.Sync), Is.EqualTo(new[] { false, true, false }));
            Assert.That((~m).Compute(Cases.Sync), Is.EqualTo(new[] { false, true, false }));
            Assert.That((m + n).Compute(Cases.Sync), Is.EqualTo(new[] { true, true, true }));
            Assert.That((m * n).Compute(Cases.Sync), Is.EqualTo(new[] { true, false, false }));
            // a & b, a | b, a ^ b, ~a (int32)
            Assert.That((a & b).Compute(Cases.Sync), Is.EqualTo(new[] { 4, 1 }));
            Assert.That((a | b).Compute(Cases.Sync), Is.EqualTo(new[] { 7, 3 }));
            Assert.That((a ^ b).Compute(Cases.Sync), Is.EqualTo(new[] { 3, 2 }));
            Assert.That((~DistArray.FromArray(new[] { 0, 5 }, 1)).Compute(Cases.Sync), Is.EqualTo(new[] { -1, -6 }));
        });
    }

    [Test]
    public void Bools_NumpysRefusals_ClearMessages()
    {
        var m = DistArray.FromArray(new[] { true, false }, 1);
        var f = DistArray.FromArray(new[] { 1.0 }, 1);
        Assert.Multiple(() =>
        {
            Assert.That(() => m - m, Throws.ArgumentException.With.Message.Contains("numpy boolean subtract"));
            Assert.That(() => f & f, Throws.ArgumentException.With.Message.Contains("bitwise_and").And.Message.Contains("float64"));
            Assert.That(() => ~f, Throws.ArgumentException.With.Message.Contains("invert"));
        });
    }

    [Test]
    public void AnyAll_WholeAndAlongAxes_AsNumpy()
    {
        var a = DistArray.FromArray(new[,] { { 0, 2, 0 }, { 1, 3, 0 } }, 1);
        Assert.Multiple(() =>
        {
            // a.any(0), a.all(1), a.any(), a.all(), np.zeros(0).any(), np.zeros(0).all()
            Assert.That(a.Any(0).Compute(Cases.Sync), Is.EqualTo(new[] { true, true, false }));
            Assert.That(a.All(1).Compute(Cases.Threads), Is.EqualTo(new[] { false, false }));
            Assert.That(a.Any().Compute(Cases.Sync), Is.True);
            Assert.That(a.All().Compute(Cases.Sync), Is.False);
            Assert.That(DistArray.Zeros<double>([0], 1).Any().Compute(Cases.Sync), Is.False);
            Assert.That(DistArray.Zeros<double>([0], 1).All().Compute(Cases.Sync), Is.True);
            Assert.That(DistArray.Arange(10.0, 3).Greater(8.5).Any().Compute(Cases.Sync), Is.True);
            Assert.That(a.Any([0, 1], keepDims: true).Compute(Cases.Sync), Is.EqualTo(new[] { true }));
        });
    }

    [Test]
    public void PredicatesAndClip_AsNumpy()
    {
        var v = DistArray.FromArray(new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1.0 }, 3);
        Assert.Multiple(() =>
        {
            // np.isnan(v), np.isinf(v), np.isfinite(v), np.clip([nan, -1, 2, 0.5], 0, 1)
            Assert.That(v.IsNaN().Compute(Cases.Sync), Is.EqualTo(new[] { true, false, false, false }));
            Assert.That(v.IsInf().Compute(Cases.Sync), Is.EqualTo(new[] { false, true, true, false }));
            Assert.That(v.IsFinite().Compute(Cases.Sync), Is.EqualTo(new[] { false, false, false, true }));
            Assert.That(DistArray.FromArray(new[] { double.NaN, -1, 2, 0.5 }, 2).Clip(0.0, 1.0).Compute(Cases.Sync), Is.EqualTo(new[] { double.NaN, 0, 1, 0.5 }));
            Assert.That(DistArray.FromArray(new[] { 5, -3, 1 }, 2).Clip(0, 2).Compute(Cases.Sync), Is.EqualTo(new[] { 2, 0, 1 }));
        });
    }

    private static long[] Bits(double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}
