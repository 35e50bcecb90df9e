using LazyDist.Collections.Kernels;

namespace LazyDist.Collections.Tests.Kernels;

public class Xoshiro256PlusX8Tests
{
#pragma warning disable NUnit1027 // FsCheck supplies the arguments.
    [FsCheck.NUnit.Property(MaxTest = 200)]
    public bool Fill_VectorPathEqualsScalarDefinition(ushort length, ulong seed)
    {
        var fast = new double[length % 3000];
        Xoshiro256PlusX8.Fill(fast, seed);
        var reference = new double[fast.Length];
        Span<ulong> state = stackalloc ulong[32];
        Xoshiro256PlusX8.Seed(state, seed);
        Xoshiro256PlusX8.FillScalar(reference, state);
        return fast.AsSpan().SequenceEqual(reference);
    }

    [FsCheck.NUnit.Property(MaxTest = 100)]
    public bool FillHalves_TileAfterTile_EqualsScalarDefinition(ushort length, byte tiles, ulong seed)
    {
        if (!System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
            return true;
        int tile = 8 * (1 + length % 100), count = 1 + tiles % 5;
        var halves = new double[tile * count];
        Span<ulong> state = stackalloc ulong[32];
        Xoshiro256PlusX8.Seed(state, seed);
        for (int t = 0; t < count; t++)
            Xoshiro256PlusX8.FillHalves(halves.AsSpan(t * tile, t == count - 1 ? tile - length % 8 : tile), state);
        var reference = new double[halves.Length];
        Xoshiro256PlusX8.Seed(state, seed);
        Xoshiro256PlusX8.FillScalar(reference, state);
        return halves.AsSpan(0, halves.Length - length % 8).SequenceEqual(reference.AsSpan(0, halves.Length - length % 8));
    }
#pragma warning restore NUnit1027

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(7)]
    [TestCase(8)]
    [TestCase(9)]
    [TestCase(1_000_003)]
    public void Fill_PrefixOfLongerStream(int length)
    {
        var longer = Chunks.Random(length + 16, 99);
        var shorter = Chunks.Random(length, 99);
        Assert.That(shorter, Is.EqualTo(longer.Take(length)));
    }

    [Test]
    public void Seed_NeighbouringChunks_Differ()
    {
        Assert.That(Chunks.Seed(1, 0), Is.Not.EqualTo(Chunks.Seed(1, 1)).And.Not.EqualTo(Chunks.Seed(2, 0)));
    }

    [Test]
    public void Sum_MatchesPlainLoop()
    {
        var chunk = Chunks.Random(10_001, 3);
        double plain = 0;
        foreach (double v in chunk)
            plain += v;
        Assert.That(Chunks.Sum(chunk), Is.EqualTo(plain).Within(1e-9));
    }
}
