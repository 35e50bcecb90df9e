using LazyDist.Collections.Kernels;

namespace LazyDist.Collections.Tests.Array;

/// <summary>Element types and numpy's promotion between them, against numpy's values.</summary>
public class TypesTests
{
    /// <summary>numpy.result_type(a, b) for a, b in bool, uint8, int16, int32, uint32, int64, uint64, float32, float64 (numpy 1.24).</summary>
    private static readonly string[] NumpyTable =
    [
        "bool uint8 int16 int32 uint32 int64 uint64 float32 float64",
        "uint8 uint8 int16 int32 uint32 int64 uint64 float32 float64",
        "int16 int16 int16 int32 int64 int64 float64 float32 float64",
        "int32 int32 int32 int32 int64 int64 float64 float64 float64",
        "uint32 uint32 int64 int64 uint32 int64 uint64 float64 float64",
        "int64 int64 int64 int64 int64 int64 float64 float64 float64",
        "uint64 uint64 float64 float64 uint64 float64 uint64 float64 float64",
        "float32 float32 float32 float64 float64 float64 float64 float32 float64",
        "float64 float64 float64 float64 float64 float64 float64 float64 float64",
    ];

    [Test]
    public void Promote_EveryPair_NumpysResultType()
    {
        for (var a = DType.Bool; a <= DType.Float64; a++)
        {
            var row = NumpyTable[(int)a].Split(' ');
            for (var b = DType.Bool; b <= DType.Float64; b++)
                Assert.That(DTypes.Name(TypePromotion.Promote(a, b)), Is.EqualTo(row[(int)b]), $"{DTypes.Name(a)} with {DTypes.Name(b)}");
        }
    }

    [Test]
    public void MixedArithmetic_PromotesAsNumpy()
    {
        var i = DistArray.FromArray(new[] { 1, 2 }, 1);
        var d = DistArray.FromArray(new[] { 0.5, 0.25 }, 2);
        Assert.Multiple(() =>
        {
            // np.array([1, 2], np.int32) + np.array([0.5, 0.25]) == [1.5, 2.25] (float64)
            Assert.That((i + d).Compute(Cases.Sync), Is.EqualTo(new[] { 1.5, 2.25 }));
            Assert.That((d * i).Compute(Cases.Threads), Is.EqualTo(new[] { 0.5, 0.5 }));
            Assert.That((i / d).Compute(Cases.Sync), Is.EqualTo(new[] { 2.0, 8.0 }));
            // np.array([2**31 - 1], np.int32) + np.array([1], np.int64) == [2147483648] (int64)
            Assert.That((DistArray.FromArray(new[] { int.MaxValue }, 1) + DistArray.FromArray(new[] { 1L }, 1)).Compute(Cases.Sync), Is.EqualTo(new[] { 2147483648L }));
            // np.array([1.5], np.float32) + np.array([0.1]) == [1.6] (float64: 1.5f is exact)
            Assert.That((DistArray.FromArray(new[] { 1.5f }, 1) + DistArray.FromArray(new[] { 0.1 }, 1)).Compute(Cases.Sync), Is.EqualTo(new[] { 1.6 }));
            Assert.That((i < d).Compute(Cases.Sync), Is.EqualTo(new[] { false, false }));
            Assert.That(() => DistArray.FromArray(new[] { 1UL }, 1) + DistArray.FromArray(new[] { 1L }, 1),
                Throws.ArgumentException.With.Message.Contains("numpy promotes uint64 and int64 to float64"));
        });
    }

    [Test]
    public void AsType_NumpysConversions()
    {
        Assert.Multiple(() =>
        {
            // np.array([1.9, -1.9]).astype(np.int32), np.array([0, 2, -1], np.int32).astype(bool),
            // np.array([True, False]).astype(np.int16), np.array([300, -1], np.int32).astype(np.uint8)
            Assert.That(DistArray.FromArray(new[] { 1.9, -1.9 }, 1).AsType<int>().Compute(Cases.Sync), Is.EqualTo(new[] { 1, -1 }));
            Assert.That(DistArray.FromArray(new[] { 0, 2, -1 }, 2).AsType<bool>().Compute(Cases.Sync), Is.EqualTo(new[] { false, true, true }));
            Assert.That(DistArray.FromArray(new[] { true, false }, 1).AsType<short>().Compute(Cases.Sync), Is.EqualTo(new short[] { 1, 0 }));
            Assert.That(DistArray.FromArray(new[] { 300, -1 }, 1).AsType<byte>().Compute(Cases.Sync), Is.EqualTo(new byte[] { 44, 255 }));
            // Out of range and NaN are undefined in numpy (it gives int32's minimum); LazyDist saturates, NaN to 0.
            Assert.That(DistArray.FromArray(new[] { 3e9, double.NaN }, 1).AsType<int>().Compute(Cases.Sync), Is.EqualTo(new[] { int.MaxValue, 0 }));
        });
    }

    [Test]
    public void Sum_SmallIntegers_PromoteAsNumpy()
    {
        Assert.Multiple(() =>
        {
            // np.array([2*10**9, 2*10**9], np.int32).sum() == 4000000000 (int64)
            Delayed<long> sum = DistArray.FromArray(new[] { 2_000_000_000, 2_000_000_000 }, 1).Sum();
            Assert.That(sum.Compute(Cases.Sync), Is.EqualTo(4_000_000_000L));
            // np.array([4*10**9], np.uint32) + sums to uint64; bools count
            Delayed<ulong> unsigned = DistArray.FromArray(new[] { 4_000_000_000u, 4_000_000_000u }, 1).Sum();
            Assert.That(unsigned.Compute(Cases.Sync), Is.EqualTo(8_000_000_000UL));
            Assert.That(DistArray.FromArray(new[] { true, true, false }, 2).Sum().Compute(Cases.Sync), Is.EqualTo(2L));
            Assert.That(DistArray.FromArray(new short[] { 30000, 30000 }, 1).Sum(0).Compute(Cases.Sync), Is.EqualTo(new[] { 60000L }));
            Assert.That(DistArray.FromArray(new[] { 1.5f, 2.5f }, 1).Mean().Compute(Cases.Sync), Is.TypeOf<float>().And.EqualTo(2f));
        });
    }

    [Test]
    public void NewElementTypes_ArithmeticAndReductions()
    {
        var s = DistArray.FromArray(new short[] { 1, -2, 300 }, 2);
        var u = DistArray.FromArray(new[] { 1u, 4_000_000_000u }, 1);
        var ul = DistArray.FromArray(new[] { ulong.MaxValue, 1UL }, 1);
        var b = DistArray.FromArray(new byte[] { 250, 10 }, 1);
        Assert.Multiple(() =>
        {
            Assert.That((s * (short)200).Compute(Cases.Sync), Is.EqualTo(new short[] { 200, -400, -5536 }), "int16 wraps");
            Assert.That((u + 1u).Compute(Cases.Sync), Is.EqualTo(new[] { 2u, 4_000_000_001u }));
            Assert.That((ul + 1UL).Compute(Cases.Sync), Is.EqualTo(new[] { 0UL, 2UL }), "uint64 wraps");
            Assert.That((b + (byte)10).Compute(Cases.Sync), Is.EqualTo(new byte[] { 4, 20 }), "uint8 wraps");
            Assert.That(s.Max().Compute(Cases.Sync), Is.EqualTo((short)300));
            Assert.That(u.ArgMax().Compute(Cases.Sync), Is.EqualTo(1L));
        });
    }
}
