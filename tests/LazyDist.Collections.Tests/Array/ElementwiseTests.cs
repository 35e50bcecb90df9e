namespace LazyDist.Collections.Tests.Array;

#pragma warning disable NUnit1027 // FsCheck supplies the arguments.
public class ElementwiseTests
{
    [FsCheck.NUnit.Property(MaxTest = 60)]
    public bool Binary_SameShapeDifferentChunks_MatchesReference(int seed)
    {
        var r = new Random(seed);
        var shape = Cases.Shape(r);
        var (a, ra) = Cases.Make(r, shape);
        var (b, rb) = Cases.Make(r, shape);
        var on = Cases.On(seed);
        return Cases.Close(Dense.Zip(ra, rb, (x, y) => x + y).Data, (a + b).Compute(on))
            && Cases.Close(Dense.Zip(ra, rb, (x, y) => x - y).Data, (a - b).Compute(on))
            && Cases.Close(Dense.Zip(ra, rb, (x, y) => x * y).Data, (a * b).Compute(on))
            && Cases.Close(Dense.Zip(ra, rb, (x, y) => x / y).Data, (a / b).Compute(on))
            && Cases.Close(Dense.Zip(ra, rb, Math.Pow).Data, a.Pow(b).Compute(on), 1e-9);
    }

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public bool Binary_Broadcasting_MatchesReference(int seed)
    {
        var r = new Random(seed);
        var shape = Cases.Shape(r, minRank: 1);
        // The other operand: a suffix of the shape, with some axes set to 1.
        long[] other = [.. shape[r.Next(shape.Length + 1)..].Select(s => r.Next(3) == 0 ? 1 : s)];
        var (a, ra) = Cases.Make(r, shape);
        var (b, rb) = Cases.Make(r, other);
        var on = Cases.On(seed);
        return Cases.Close(Dense.Zip(ra, rb, (x, y) => x - y).Data, (a - b).Compute(on))
            && Cases.Close(Dense.Zip(rb, ra, (x, y) => x * y).Data, (b * a).Compute(on));
    }

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public bool UnaryAndScalar_MatchReference(int seed)
    {
        var r = new Random(seed);
        var (a, ra) = Cases.Make(r, Cases.Shape(r));
        var on = Cases.On(seed);
        return Cases.Close(ra.Map(v => 2.5 * (1 - v) / 4 + 1).Data, ((2.5 * (1.0 - a) / 4.0) + 1.0).Compute(on))
            && Cases.Close(ra.Map(v => -Math.Abs(v - 0.5)).Data, (-(a - 0.5).Abs()).Compute(on))
            && Cases.Close(ra.Map(Math.Sqrt).Data, a.Sqrt().Compute(on))
            && Cases.Close(ra.Map(Math.Exp).Data, a.Exp().Compute(on), 1e-14)
            && Cases.Close(ra.Map(v => Math.Log(v + 1)).Data, (a + 1.0).Log().Compute(on), 1e-14)
            && Cases.Close(ra.Map(v => Math.Pow(v, 1.5)).Data, a.Pow(1.5).Compute(on), 1e-12)
            && Cases.Close(ra.Map(v => 1 / (v + 1)).Data, (1.0 / (a + 1.0)).Compute(on));
    }

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public bool SelectZipAsType_MatchReference(int seed)
    {
        var r = new Random(seed);
        var shape = Cases.Shape(r);
        var (a, ra) = Cases.Make(r, shape);
        var (b, rb) = Cases.Make(r, shape);
        var on = Cases.On(seed);
        var ints = (a * 100.0).AsType<int>();
        return Cases.Close(ra.Map(v => v * v).Data, a.Select(v => v * v).Compute(on))
            && Cases.Close(Dense.Zip(ra, rb, Math.Max).Data, a.Zip(b, Math.Max).Compute(on))
            && ints.Compute(on).SequenceEqual(ra.Data.Select(v => (int)(v * 100)))
            && (ints + 1).Compute(on).SequenceEqual(ra.Data.Select(v => (int)(v * 100) + 1));
    }

    [Test]
    public void Elementwise_IntegerAndFloatArrays()
    {
        var i = DistArray.Arange(0, 10, 1, 3);
        var f = DistArray.Arange(0f, 4f, 1f, 3);
        Assert.Multiple(() =>
        {
            Assert.That((i * 3 - 1).Compute(Cases.Sync), Is.EqualTo(Enumerable.Range(0, 10).Select(v => v * 3 - 1)));
            Assert.That((i / 3).Compute(Cases.Sync), Is.EqualTo(Enumerable.Range(0, 10).Select(v => v / 3)));
            Assert.That((f * 0.5f).Sqrt().Compute(Cases.Threads), Is.EqualTo(new[] { 0f, MathF.Sqrt(0.5f), 1f, MathF.Sqrt(1.5f) }));
        });
    }

    [Test]
    public void Binary_ShapesCannotBroadcast_MessageNamesBoth()
    {
        var ex = Assert.Throws<ArgumentException>(() => _ = DistArray.Zeros<double>([3, 4], 2) + DistArray.Zeros<double>([5], 2));
        Assert.That(ex!.Message, Does.Contain("operands could not be broadcast together with shapes (3, 4) (5,)"));
    }

    [Test]
    public void Elementwise_ExecutionIsDeferred()
    {
        int calls = 0;
        var x = DistArray.Random([10], 5, 1).Select(v => { calls++; return v; });
        var y = (x + x).Exp();
        Assert.That(calls, Is.Zero);
        _ = y.Compute(Cases.Sync);
        Assert.That(calls, Is.EqualTo(10));
    }
}
#pragma warning restore NUnit1027
