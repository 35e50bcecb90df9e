namespace LazyDist.Collections.Tests.Array;

#pragma warning disable NUnit1027 // FsCheck supplies the arguments.
public class TypedTests
{
    [FsCheck.NUnit.Property(MaxTest = 40)]
    public bool IntAndLongArrays_ElementwiseAndReductions_MatchLinq(int seed)
    {
        var r = new Random(seed);
        int n = r.Next(0, 30), chunk = r.Next(1, 7);
        var a = Enumerable.Range(0, n).Select(_ => r.Next(-50, 50)).ToArray();
        var b = Enumerable.Range(0, n).Select(_ => r.Next(1, 9)).ToArray();
        var x = DistArray.FromArray(a, chunk);
        var y = DistArray.FromArray(b, r.Next(1, 7));
        var on = Cases.On(seed);
        var lx = x.AsType<long>();
        return (x + y).Compute(on).SequenceEqual(a.Zip(b, (p, q) => p + q))
            && (x * y - 3).Compute(on).SequenceEqual(a.Zip(b, (p, q) => p * q - 3))
            && (x / y).Compute(on).SequenceEqual(a.Zip(b, (p, q) => (int)Math.Floor((double)p / q)))
            && (10 - x.Abs()).Compute(on).SequenceEqual(a.Select(p => 10 - Math.Abs(p)))
            && (lx * 1_000_000_000L).Sum().Compute(on) == a.Sum(p => p * 1_000_000_000L)
            && x.Count().Compute(on) == n
            && (n == 0 || (x.Max().Compute(on) == a.Max() && x.ArgMin().Compute(on) == System.Array.IndexOf(a, a.Min())))
            && Cases.Close(n == 0 ? double.NaN : a.Average(), x.Mean().Compute(on));
    }

    [FsCheck.NUnit.Property(MaxTest = 30)]
    public bool FloatArrays_MatchReference(int seed)
    {
        var r = new Random(seed);
        var shape = Cases.Shape(r, maxRank: 2);
        var (x, rx) = Cases.Make(r, shape);
        var f = x.AsType<float>();
        var expected = rx.Data.Select(v => MathF.Sqrt((float)v * 2f + 1f)).ToArray();
        var on = Cases.On(seed);
        return (f * 2f + 1f).Sqrt().Compute(on).SequenceEqual(expected)
            && Cases.Close(expected.Sum(v => (double)v), (f * 2f + 1f).Sqrt().Sum().Compute(on), 1e-6);
    }

    [Test]
    public void Sum_PositionalIntIsTheAxis_AsNumpy()
    {
        var x = DistArray.Ones<int>([3, 4], 2);
        Assert.Multiple(() =>
        {
            Assert.That(x.Sum(0).Compute(Cases.Sync), Is.EqualTo(new[] { 3, 3, 3, 3 }));
            Assert.That(x.Sum(-1).Compute(Cases.Sync), Is.EqualTo(new[] { 4, 4, 4 }));
            Assert.That(x.Sum().Compute(Cases.Sync), Is.EqualTo(12));
        });
    }

    [Test]
    public void ReadmeTour_Compiles_AndRunsSmall()
    {
        var x = DistArray.Random([200, 200], chunks: 64, seed: 1);
        var n = DistArray.Normal([100, 50], chunks: [25, -1], seed: 2, mean: 0, std: 1);
        var a = DistArray.Arange(0.0, 10.0, 0.5, chunkSize: 7);
        var m = DistArray.FromArray(new double[,] { { 1, 2 }, { 3, 4 } }, chunks: 1);
        var y = (x * 2.0 + 1.0).Sqrt() - x.Mean(axis: 0);
        double total = y.Sum().Compute(Cases.Threads);
        double[] cols = x.Sum(axis: 0).Compute(Cases.Threads);
        var top = n[10..50, ..].Transpose().Rechunk(10);
        DenseArray<double> d = m.MatMul(m).ComputeDense(Cases.Sync);
        Assert.Multiple(() =>
        {
            Assert.That(double.IsFinite(total), Is.True);
            Assert.That(cols, Has.Length.EqualTo(200));
            Assert.That(top.Shape, Is.EqualTo(new[] { 50L, 40 }));
            Assert.That(d[1, 1], Is.EqualTo(22.0));
            Assert.That(a.Length, Is.EqualTo(20));
        });
    }
}
#pragma warning restore NUnit1027
