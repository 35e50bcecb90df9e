using LazyDist.Distributed;

namespace LazyDist.Collections.Tests.Array;

/// <summary>
/// Every elementwise kernel gives an element the same bits whatever its block, its position in
/// the block (and so in a vector), its neighbours (NaN and infinities beside it), fusion, the
/// scheduler or the process: the same values are computed in many layouts and compared bit for
/// bit with one-element blocks, and on a LocalCluster whose workers run with tiered compilation off.
/// </summary>
public class BitStabilityTests
{
    private static readonly (string Name, Func<DistArray<double>, DistArray<double>> F8, Func<DistArray<float>, DistArray<float>> F4)[] Functions =
    [
        ("exp", x => x.Exp(), x => x.Exp()), ("log", x => x.Log(), x => x.Log()), ("sin", x => x.Sin(), x => x.Sin()), ("cos", x => x.Cos(), x => x.Cos()),
        ("tan", x => x.Tan(), x => x.Tan()), ("arcsin", x => x.ArcSin(), x => x.ArcSin()), ("arccos", x => x.ArcCos(), x => x.ArcCos()),
        ("arctan", x => x.ArcTan(), x => x.ArcTan()), ("sinh", x => x.Sinh(), x => x.Sinh()), ("cosh", x => x.Cosh(), x => x.Cosh()),
        ("tanh", x => x.Tanh(), x => x.Tanh()), ("log10", x => x.Log10(), x => x.Log10()), ("log2", x => x.Log2(), x => x.Log2()),
        ("log1p", x => x.Log1p(), x => x.Log1p()), ("expm1", x => x.Expm1(), x => x.Expm1()), ("sqrt", x => x.Sqrt(), x => x.Sqrt()),
        ("floor", x => x.Floor(), x => x.Floor()), ("round", x => x.Round(), x => x.Round()), ("sign", x => x.Sign(), x => x.Sign()),
        ("pow", x => x.Pow(x.Abs()), x => x.Pow(x.Abs())), ("arctan2", x => x.ArcTan2(x * 0.5 - 1.0), x => x.ArcTan2(x * 0.5f - 1f)),
        ("mod", x => x.Mod(x * 0.3 + 1.0), x => x.Mod(x * 0.3f + 1f)), ("abs", x => x.Abs(), x => x.Abs()),
    ];

    /// <summary>Special values, subnormals, and magnitudes from 1e-20 to 1e7 (past sine's reduction limit), seeded.</summary>
    internal static double[] Values(int seed, int count)
    {
        var r = new Random(seed);
        double[] special = [0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, double.Epsilon, -double.Epsilon, 2.2250738585072014e-308, 709.78, -745.13, 1e5, 1e6, Math.PI, 1.0];
        return [.. special, .. Enumerable.Range(0, count).Select(_ => (r.Next(2) == 0 ? -1 : 1) * Math.Pow(10, r.NextDouble() * 27 - 20))];
    }

    private static IEnumerable<TestCaseData> Names() => Functions.Select((f, i) => new TestCaseData(i).SetName($"Layouts_SameBits_{f.Name}"));

    [TestCaseSource(nameof(Names))]
    public void Layouts_SameBits(int function)
    {
        var (_, f8, f4) = Functions[function];
        var values = Values(function, 600);
        var reference = f8(DistArray.FromArray(values, 1)).Compute(Cases.Sync, optimize: false);
        var floats = values.Select(v => (float)v).ToArray();
        var reference4 = f4(DistArray.FromArray(floats, 1)).Compute(Cases.Sync, optimize: false);
        foreach (int chunk in new[] { 2, 3, 7, 13, 64, values.Length })
        {
            Same(reference, f8(DistArray.FromArray(values, chunk)).Compute(Cases.Threads), $"chunks of {chunk}");
            Same(reference, f8(DistArray.FromArray(values, chunk) * 1.0).Compute(Cases.Sync), $"fused after * 1.0, chunks of {chunk}");
            Same(reference4, f4(DistArray.FromArray(floats, chunk)).Compute(Cases.Threads), $"float32, chunks of {chunk}");
        }
        foreach (int shift in new[] { 1, 2, 3, 5 })
        {
            // Shift every element to another lane, with NaN and infinities as its neighbours.
            double[] shifted = [.. Enumerable.Range(0, shift).Select(i => i % 2 == 0 ? double.NaN : double.NegativeInfinity), .. values];
            Same(reference, f8(DistArray.FromArray(shifted, shifted.Length)).Compute(Cases.Sync)[shift..], $"shifted by {shift}");
        }
    }

    [Test, CancelAfter(240_000)]
    public async Task LocalCluster_WorkersWithoutTieredCompilation_SameBitsAsThreads()
    {
        var values = Values(99, 3000);
        await using var cluster = await LocalCluster.StartAsync(workers: 2, threadsPerWorker: 1);
        foreach (var (name, f8, f4) in Functions)
        {
            var x = f8(DistArray.FromArray(values, 250));
            var expected = x.Compute(Cases.Threads);
            Same(expected, await x.ComputeAsync(cluster), $"{name} on the cluster");
            var y = f4(DistArray.FromArray(values.Select(v => (float)v).ToArray(), 333));
            Same(y.Compute(Cases.Threads), await y.ComputeAsync(cluster), $"{name} float32 on the cluster");
        }
    }

    private static void Same(double[] expected, double[] actual, string layout) =>
        Assert.That(actual.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(expected.Select(BitConverter.DoubleToInt64Bits)), layout);

    private static void Same(float[] expected, float[] actual, string layout) =>
        Assert.That(actual.Select(BitConverter.SingleToInt32Bits), Is.EqualTo(expected.Select(BitConverter.SingleToInt32Bits)), layout);
}
