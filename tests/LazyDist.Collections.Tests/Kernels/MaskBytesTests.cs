using System.Numerics;
using LazyDist.Collections.Kernels.Elementwise;
using Cases = LazyDist.Collections.Tests.Array.Cases;

namespace LazyDist.Collections.Tests.Kernels;

/// <summary>The vector comparisons and Where (masks to and from bytes) give the scalar loops' answers for every element type, length and special value.</summary>
public class MaskBytesTests
{
    private static readonly int[] Lengths = [0, 1, 3, 4, 7, 8, 9, 31, 33, 4096];

    [Test]
    public void Compare_EveryTypeAndLength_AsScalarDefinition()
    {
        var random = new Random(11);
        Assert.Multiple(() =>
        {
            foreach (int n in Lengths)
            {
                CheckAll(Values(n, random, i => (double)i, [double.NaN, -0.0, 0.0, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon]), 0.0);
                CheckAll(Values(n, random, i => (float)i, [float.NaN, -0f, 0f, float.PositiveInfinity]), 0f);
                CheckAll(Values(n, random, i => i, [int.MinValue, int.MaxValue, 0]), 0);
                CheckAll(Values(n, random, i => (long)i, [long.MinValue, long.MaxValue, 0]), 0L);
                CheckAll(Values(n, random, i => (uint)(i + 3), [uint.MaxValue, 0u, 1u << 31]), 1u << 31);
                CheckAll(Values(n, random, i => (ulong)(i + 3), [ulong.MaxValue, 0ul, 1ul << 63]), 1ul << 63);
            }
        });
    }

    [Test]
    public void ComparisonWithConstantOnTheLeft_LongArrayWithNaN_AsLinq()
    {
        var values = Enumerable.Range(0, 10_001).Select(i => i % 97 == 0 ? double.NaN : (i % 13) * 0.1).ToArray();
        var x = DistArray.FromArray(values, 3000);
        Assert.Multiple(() =>
        {
            Assert.That((0.5 < x).Compute(Cases.Sync), Is.EqualTo(values.Select(v => 0.5 < v)));
            Assert.That((0.5 > x).Compute(Cases.Threads), Is.EqualTo(values.Select(v => 0.5 > v)));
            Assert.That((x > 0.5).Compute(Cases.Sync), Is.EqualTo(values.Select(v => v > 0.5)));
            Assert.That((x <= 0.5).Compute(Cases.Sync), Is.EqualTo(values.Select(v => v <= 0.5)));
        });
    }

    private static T[] Values<T>(int n, Random random, Func<int, T> make, T[] special)
    {
        var values = new T[n];
        for (int i = 0; i < n; i++)
            values[i] = random.Next(4) == 0 ? special[random.Next(special.Length)] : make(random.Next(-5, 6));
        return values;
    }

    private static void CheckAll<T>(T[] x, T c) where T : unmanaged, INumber<T>
    {
        var y = x.Reverse().ToArray();
        Check<T, EqualOperator<T>>(x, y, c, (a, b) => a == b);
        Check<T, NotEqualOperator<T>>(x, y, c, (a, b) => a != b);
        Check<T, LessOperator<T>>(x, y, c, (a, b) => a < b);
        Check<T, LessEqualOperator<T>>(x, y, c, (a, b) => a <= b);
        Check<T, GreaterOperator<T>>(x, y, c, (a, b) => a > b);
        Check<T, GreaterEqualOperator<T>>(x, y, c, (a, b) => a >= b);
        var mask = x.Select(v => v > c ? (byte)1 : (byte)0).ToArray();
        var chosen = new T[x.Length];
        Loops.Where<T>(mask, x, y, chosen);
        Assert.That(chosen.Select(Bits), Is.EqualTo(x.Select((v, i) => Bits(mask[i] != 0 ? v : y[i]))), $"where, {typeof(T).Name}, n={x.Length}");
    }

    private static void Check<T, TOp>(T[] x, T[] y, T c, Func<T, T, bool> expected) where T : unmanaged, INumber<T> where TOp : IComparisonOperator<T>
    {
        var pairs = new byte[x.Length];
        var right = new byte[x.Length];
        Loops.Compare<T, TOp>(x, y, pairs);
        Loops.CompareRight<T, TOp>(x, c, right);
        string what = $"{typeof(TOp).Name}, n={x.Length}";
        Assert.That(pairs, Is.EqualTo(x.Select((v, i) => expected(v, y[i]) ? (byte)1 : (byte)0)), what);
        Assert.That(right, Is.EqualTo(x.Select(v => expected(v, c) ? (byte)1 : (byte)0)), what + " with a constant");
    }

    private static string Bits<T>(T value) where T : unmanaged => Convert.ToHexString(System.Runtime.InteropServices.MemoryMarshal.AsBytes(new[] { value }.AsSpan()));
}
