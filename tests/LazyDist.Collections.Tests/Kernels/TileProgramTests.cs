using LazyDist.Collections.Kernels;
using LazyDist.Collections.Kernels.Reductions;

namespace LazyDist.Collections.Tests.Kernels;

public class TileProgramTests
{
    private static readonly int[] Lengths = [0, 1, 7, 8, 9, 4095, 4096, 4097, 10_001];

    [Test]
    public void Materialize_ChainOverInputs_MatchesScalarReference([ValueSource(nameof(Lengths))] int length)
    {
        var r = new Random(length);
        var a = Enumerable.Range(0, length).Select(_ => r.NextDouble() + 0.5).ToArray();
        var b = Enumerable.Range(0, length).Select(_ => r.NextDouble() - 0.5).ToArray();
        const DType F = DType.Float64;
        // ((a * 3) - b) / 2, then max with b, then negate
        var program = new BlockProgram(
        [
            new(BlockOp.Input, F, 0), new(BlockOp.Multiply, F, Instruction.ConstantRight, 0), new(BlockOp.Input, F, 1), new(BlockOp.Subtract, F),
            new(BlockOp.Divide, F, Instruction.ConstantRight, 1), new(BlockOp.Input, F, 1), new(BlockOp.Maximum, F), new(BlockOp.Negate, F),
        ], [BlockProgram.Bits(3.0), BlockProgram.Bits(2.0)]);
        using var tiles = new TileProgram(program, [a, b]);
        var result = (double[])tiles.Materialize(length);
        Assert.That(result, Is.EqualTo(a.Zip(b, (x, y) => -Math.Max((x * 3 - y) / 2, y))));
    }

    [Test]
    public void Materialize_RandomSource_EqualsChunksRandom([ValueSource(nameof(Lengths))] int length)
    {
        using var tiles = new TileProgram(BlockProgram.Source(new(BlockOp.Random, DType.Float64), [12345]), []);
        Assert.That(tiles.Materialize(length), Is.EqualTo(Chunks.Random(length, 12345)));
    }

    [Test]
    public void Materialize_ArangeAndConst_Integers([ValueSource(nameof(Lengths))] int length)
    {
        var program = new BlockProgram([new(BlockOp.Arange, DType.Int64, 0, 1), new(BlockOp.Constant, DType.Int64, 0, 3), new(BlockOp.Multiply, DType.Int64)], [100, 5, 8, 2]);
        using var tiles = new TileProgram(program, []);
        Assert.That(tiles.Materialize(length), Is.EqualTo(Enumerable.Range(0, length).Select(i => (5 + (100L + i) * 3) * 2)));
    }

    [Test]
    public void Materialize_MixedTypes_CastCompareWhere([ValueSource(nameof(Lengths))] int length)
    {
        var ints = Enumerable.Range(0, length).Select(i => i % 7 - 3).ToArray();
        var doubles = Enumerable.Range(0, length).Select(i => i * 0.25).ToArray();
        // where(ints > 0, float64(ints) * 2, doubles)
        var program = new BlockProgram(
        [
            new(BlockOp.Input, DType.Int32, 0), new(BlockOp.Greater, DType.Int32, Instruction.ConstantRight, 0),
            new(BlockOp.Input, DType.Int32, 0), new(BlockOp.Cast, DType.Int32, 0, (int)DType.Float64), new(BlockOp.Multiply, DType.Float64, Instruction.ConstantRight, 1),
            new(BlockOp.Input, DType.Float64, 1), new(BlockOp.Where, DType.Float64),
        ], [BlockProgram.Bits(0), BlockProgram.Bits(2.0)]);
        using var tiles = new TileProgram(program, [ints, doubles]);
        Assert.That(tiles.Materialize(length), Is.EqualTo(ints.Zip(doubles, (i, d) => i > 0 ? i * 2.0 : d)));
    }

    [Test]
    public void Materialize_ScalarAndCarryOperands_SameAsTheirFilledTiles([ValueSource(nameof(Lengths))] int length)
    {
        // x - s and x * c[p / along] (a carry per run of `along` elements): one number per tile or per run,
        // taken as a constant operand where a tile lies in one run, filled where it spans two.
        const DType F = DType.Float64;
        const long Along = 5000;
        var r = new Random(length + 1);
        var x = Enumerable.Range(0, length).Select(_ => r.NextDouble() - 0.5).ToArray();
        var carry = Enumerable.Range(0, length / (int)Along + 1).Select(_ => r.NextDouble() * 1e3).ToArray();
        var program = new BlockProgram(
        [
            new(BlockOp.Input, F, 0), new(BlockOp.Scalar, F, 1), new(BlockOp.Subtract, F),
            new(BlockOp.InputAlong, F, 2, 0), new(BlockOp.Multiply, F), new(BlockOp.InputAlong, F, 2, 0), new(BlockOp.Add, F),
        ], [Along, 1]);
        using var tiles = new TileProgram(program, [x, new[] { 0.25 }, carry]);
        var expected = x.Select((v, p) => (v - 0.25) * carry[p / Along] + carry[p / Along]);
        Assert.That(tiles.Materialize(length), Is.EqualTo(expected));
    }

    [Test]
    public void Constructor_InputOfAnotherType_NamesBoth()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new TileProgram(BlockProgram.Load(DType.Float32), [new double[3]]));
        Assert.That(ex!.Message, Does.Contain("Double[]").And.Contain("float32"));
    }

    [Test]
    public void CompensatedSum_MatchesExactDecimalSum([ValueSource(nameof(Lengths))] int length)
    {
        var r = new Random(length + 1);
        var x = Enumerable.Range(0, length).Select(_ => (r.NextDouble() - 0.5) * Math.Pow(10, r.Next(-3, 4))).ToArray();
        var (sum, comp) = EightLanes.CompensatedSum(x);
        double exact = ExactSum(x);
        Assert.That(sum + comp, Is.EqualTo(exact).Within(4e-16 * Math.Max(1e-300, Math.Abs(exact))));
    }

    /// <summary>The exact sum (as big integers at the smallest exponent), rounded once.</summary>
    private static double ExactSum(double[] x)
    {
        var parts = x.Select(v =>
        {
            long bits = BitConverter.DoubleToInt64Bits(v);
            int exp = (int)((bits >> 52) & 0x7FF);
            long mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
            if (exp == 0)
                exp = 1;
            else
                mantissa |= 1L << 52;
            return (Mantissa: v < 0 ? -mantissa : mantissa, Exp: exp - 1075);
        }).ToList();
        if (parts.Count == 0)
            return 0;
        int min = parts.Min(p => p.Exp);
        var sum = System.Numerics.BigInteger.Zero;
        foreach (var (m, e) in parts)
            sum += (System.Numerics.BigInteger)m << (e - min);
        return Math.ScaleB((double)sum, min);
    }

    [Test]
    public void Transpose_MatchesIndexReference()
    {
        var src = Enumerable.Range(0, 2 * 3 * 4).Select(i => (long)i).ToArray();
        var result = BoxKernels.Transpose(src, [2, 3, 4], [2, 0, 1]);
        var expected = new List<long>();
        for (int k = 0; k < 4; k++)
        {
            for (int i = 0; i < 2; i++)
            {
                for (int j = 0; j < 3; j++)
                    expected.Add(i * 12 + j * 4 + k);
            }
        }
        Assert.That(result, Is.EqualTo(expected));
    }

    [Test]
    public void Npy_Header_MatchesNumpyLayout()
    {
        var header = NpyFormat.Header("<f8", [5]);
        string text = System.Text.Encoding.Latin1.GetString(header, 10, header.Length - 10);
        Assert.Multiple(() =>
        {
            Assert.That(header, Has.Length.EqualTo(128));
            Assert.That(text, Does.StartWith("{'descr': '<f8', 'fortran_order': False, 'shape': (5,), }"));
            Assert.That(text, Does.EndWith(" \n"));
        });
    }
}
