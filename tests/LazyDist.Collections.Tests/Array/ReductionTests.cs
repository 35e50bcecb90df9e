namespace LazyDist.Collections.Tests.Array;

#pragma warning disable NUnit1027 // FsCheck supplies the arguments.
public class ReductionTests
{
    private static double Var(IReadOnlyList<double> v, double ddof)
    {
        if (v.Count - ddof <= 0)
            return double.NaN;
        double mean = v.Average();
        return v.Sum(x => (x - mean) * (x - mean)) / (v.Count - ddof);
    }

    private static double ArgMin(IReadOnlyList<double> v) => v.Select((x, i) => (x, i)).OrderBy(p => p.x).ThenBy(p => p.i).First().i;

    private static double ArgMax(IReadOnlyList<double> v) => v.Select((x, i) => (x, i)).OrderByDescending(p => p.x).ThenBy(p => p.i).First().i;

    [FsCheck.NUnit.Property(MaxTest = 80)]
    public bool WholeArray_MatchesReference(int seed)
    {
        var r = new Random(seed);
        var (x, rx) = Cases.Make(r, Cases.Shape(r), integers: seed % 3 == 0);
        var on = Cases.On(seed);
        int split = r.Next(2, 5);
        var v = rx.Data;
        bool ok = Cases.Close(v.Sum(), x.Sum(splitEvery: split).Compute(on))
            && Cases.Close(v.Length == 0 ? double.NaN : v.Average(), x.Mean(splitEvery: split).Compute(on))
            && Cases.Close(Var(v, 0), x.Var(0.0, split).Compute(on), 1e-10)
            && Cases.Close(Math.Sqrt(Var(v, 1)), x.Std(1.0, split).Compute(on), 1e-10)
            && x.Count(splitEvery: split).Compute(on) == v.Length;
        if (v.Length == 0)
            return ok && Throws(() => x.Min()) && Throws(() => x.ArgMax());
        return ok
            && v.Min() == x.Min(splitEvery: split).Compute(on)
            && v.Max() == x.Max(splitEvery: split).Compute(on)
            && ArgMin(v) == x.ArgMin(splitEvery: split).Compute(on)
            && ArgMax(v) == x.ArgMax(splitEvery: split).Compute(on);
    }

    [FsCheck.NUnit.Property(MaxTest = 80)]
    public bool AlongAxis_MatchesReference(int seed)
    {
        var r = new Random(seed);
        var shape = Cases.Shape(r, minRank: 1);
        var (x, rx) = Cases.Make(r, shape, integers: seed % 3 == 0);
        int axis = r.Next(shape.Length);
        int split = r.Next(2, 4);
        var on = Cases.On(seed);
        bool ok = Cases.Close(rx.Reduce(axis, v => v.Sum()).Data, x.Sum(axis, split).Compute(on))
            && Cases.Close(rx.Reduce(axis, v => v.Count == 0 ? double.NaN : v.Average()).Data, x.Mean(axis, split).Compute(on))
            && Cases.Close(rx.Reduce(axis, v => Var(v, 0)).Data, x.Var(axis, 0, split).Compute(on), 1e-10)
            && Cases.Close(rx.Reduce(axis, v => Math.Sqrt(Var(v, 0))).Data, x.Std(axis - shape.Length, 0, split).Compute(on), 1e-10)
            && rx.Reduce(axis, v => v.Count).Data.SequenceEqual(x.Count(axis, split).Compute(on).Select(c => (double)c));
        if (shape[axis] == 0)
            return ok;
        return ok
            && rx.Reduce(axis, v => v.Min()).Data.SequenceEqual(x.Min(axis, split).Compute(on))
            && rx.Reduce(axis, v => v.Max()).Data.SequenceEqual(x.Max(axis, split).Compute(on))
            && rx.Reduce(axis, ArgMin).Data.SequenceEqual(x.ArgMin(axis, split).Compute(on).Select(i => (double)i))
            && rx.Reduce(axis, ArgMax).Data.SequenceEqual(x.ArgMax(axis, split).Compute(on).Select(i => (double)i));
    }

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public bool IntegerArrays_ExactSumsAndExtrema(int seed)
    {
        var r = new Random(seed);
        int n = r.Next(0, 40);
        var data = Enumerable.Range(0, n).Select(_ => r.Next(-1000, 1000)).ToArray();
        var x = DistArray.FromArray(data, r.Next(1, 6));
        var on = Cases.On(seed);
        var longs = DistArray.FromArray(data.Select(v => (long)v * 1_000_000_000L).ToArray(), r.Next(1, 6));
        return x.Sum(splitEvery: 2).Compute(on) == data.Sum()
            && longs.Sum().Compute(on) == data.Sum(v => (long)v * 1_000_000_000L)
            && (n == 0 || (x.Min().Compute(on) == data.Min() && x.ArgMax().Compute(on) == System.Array.IndexOf(data, data.Max())));
    }

    [Test]
    public void Sum_CompensatedAcrossBlocks_ExactWhereNaiveLosesEverything()
    {
        // 1e16, then many 1.0s, then -1e16: a naive running sum gives 0.
        var data = new double[10_002];
        data[0] = 1e16;
        System.Array.Fill(data, 1.0, 1, 10_000);
        data[^1] = -1e16;
        var x = DistArray.FromArray(data, 1000);
        Assert.That(x.Sum().Compute(Cases.Sync), Is.EqualTo(10_000.0));
    }

    [Test]
    public void Var_LargeOffset_StableWhereNaiveFormulaFails()
    {
        var r = new Random(5);
        var data = Enumerable.Range(0, 20_000).Select(_ => 1e9 + r.NextDouble()).ToArray();
        double mean = data.Average();
        double expected = data.Sum(v => (v - mean) * (v - mean)) / data.Length;
        Assert.That(DistArray.FromArray(data, 777).Var().Compute(Cases.Threads), Is.EqualTo(expected).Within(1e-6).Percent);
    }

    [Test]
    public void Min_Empty_MessageLikeNumpy()
    {
        var ex = Assert.Throws<ArgumentException>(() => DistArray.Zeros<double>([0, 3], 2).Min());
        Assert.That(ex!.Message, Does.Contain("zero-size array to reduction operation minimum which has no identity"));
    }

    [Test]
    public void Reductions_NaN_PropagatesAndArgFindsFirst()
    {
        var x = DistArray.FromArray(new[] { 3.0, double.NaN, -1.0, double.NaN }, 2);
        Assert.Multiple(() =>
        {
            Assert.That(x.Min().Compute(Cases.Sync), Is.NaN);
            Assert.That(x.Max().Compute(Cases.Sync), Is.NaN);
            Assert.That(x.ArgMin().Compute(Cases.Sync), Is.EqualTo(1));
        });
    }

    [Test]
    public void Sum_SameBitsOnEverySchedulerAndWithoutFusion_Within1e12()
    {
        var x = DistArray.Random([300, 1000], new[] { 64, 250 }, 9) * 2.0;
        double sync = x.Sum().Compute(Cases.Sync), threads = x.Sum().Compute(Cases.Threads), plain = x.Sum().Compute(Cases.Sync, optimize: false);
        Assert.Multiple(() =>
        {
            Assert.That(BitConverter.DoubleToInt64Bits(threads), Is.EqualTo(BitConverter.DoubleToInt64Bits(sync)));
            Assert.That(plain, Is.EqualTo(sync).Within(1e-12).Percent);
        });
    }

    [Test]
    public void Reduction_ExecutionIsDeferred_TreeOfSplitEvery()
    {
        var sum = DistArray.Random([64, 64], 4, 1).Sum(axis: 1, splitEvery: 3);
        Assert.That(sum.Graph.Values.Max(n => n.Dependencies.Count), Is.LessThanOrEqualTo(3));
    }

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
#pragma warning restore NUnit1027
