using System.Text.Json;
using LazyDist.Schedulers;

namespace LazyDist.Collections.Tests.Array;

/// <summary>
/// The elementwise functions against numpy's values (Fixtures/math.json, made by
/// Fixtures/make_math.py), within a stated number of units in the last place; special values
/// (NaN, ±inf, ±0) exactly.
/// </summary>
public class MathAccuracyTests
{
    /// <summary>Per function: float64 and float32 forms, ulps allowed against numpy's float64 and against numpy's float64 rounded to float32.</summary>
    private static readonly Dictionary<string, (Func<DistArray<double>, DistArray<double>> F8, Func<DistArray<float>, DistArray<float>> F4, int Ulps8, int Ulps4)> Functions = new()
    {
        ["exp"] = (x => x.Exp(), x => x.Exp(), 1, 1),
        ["log"] = (x => x.Log(), x => x.Log(), 1, 1),
        ["sin"] = (x => x.Sin(), x => x.Sin(), 2, 1),
        ["cos"] = (x => x.Cos(), x => x.Cos(), 2, 1),
        ["sqrt"] = (x => x.Sqrt(), x => x.Sqrt(), 0, 0),
        ["tan"] = (x => x.Tan(), x => x.Tan(), 0, 1),
        ["arcsin"] = (x => x.ArcSin(), x => x.ArcSin(), 0, 1),
        ["arccos"] = (x => x.ArcCos(), x => x.ArcCos(), 0, 1),
        ["arctan"] = (x => x.ArcTan(), x => x.ArcTan(), 0, 1),
        ["sinh"] = (x => x.Sinh(), x => x.Sinh(), 0, 1),
        ["cosh"] = (x => x.Cosh(), x => x.Cosh(), 0, 1),
        ["tanh"] = (x => x.Tanh(), x => x.Tanh(), 2, 1),
        ["log10"] = (x => x.Log10(), x => x.Log10(), 0, 1),
        ["log2"] = (x => x.Log2(), x => x.Log2(), 0, 1),
        ["log1p"] = (x => x.Log1p(), x => x.Log1p(), 2, 2),
        ["expm1"] = (x => x.Expm1(), x => x.Expm1(), 2, 2),
    };

    private static IEnumerable<TestCaseData> Fixture()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Array", "Fixtures", "math.json")));
        foreach (var c in json.RootElement.GetProperty("cases").EnumerateArray())
        {
            string function = c.GetProperty("function").GetString()!, dtype = c.GetProperty("dtype").GetString()!;
            if (Functions.ContainsKey(function))
            {
                // float32 is checked against numpy's float64 rounded to float32: numpy's own float32 kernels are a few ulp off.
                string reference = dtype == "float64" ? "y" : "rounded";
                yield return new TestCaseData(function, dtype, Convert.FromBase64String(c.GetProperty("x").GetString()!), Convert.FromBase64String(c.GetProperty(reference).GetString()!)).SetName($"{function}_{dtype}");
            }
        }
    }

    [TestCaseSource(nameof(Fixture))]
    public void Function_MatchesNumpy_WithinUlps(string function, string dtype, byte[] x, byte[] y)
    {
        var f = Functions[function];
        if (dtype == "float64")
        {
            var input = Bytes.As<double>(x);
            var actual = f.F8(DistArray.FromArray(input, 97)).Compute(Cases.Threads);
            Expect(input, Bytes.As<double>(y), actual, f.Ulps8, BitConverter.DoubleToInt64Bits);
        }
        else
        {
            var input = Bytes.As<float>(x);
            var actual = f.F4(DistArray.FromArray(input, 97)).Compute(Cases.Threads);
            Expect(input, Bytes.As<float>(y), actual, f.Ulps4, v => BitConverter.SingleToInt32Bits(v));
        }
    }

    private static void Expect<T>(T[] x, T[] expected, T[] actual, int ulps, Func<T, long> bits) where T : System.Numerics.IFloatingPointIeee754<T>
    {
        var worst = Enumerable.Range(0, x.Length)
            .Select(i => (Index: i, Ulps: Ulps.Distance(expected[i], actual[i], bits)))
            .OrderByDescending(p => p.Ulps).First();
        Assert.That(worst.Ulps, Is.LessThanOrEqualTo(ulps),
            $"x = {x[worst.Index]:R}: numpy {expected[worst.Index]:R}, LazyDist {actual[worst.Index]:R}");
    }
}

/// <summary>Units in the last place between floating-point values (NaN only equals NaN; the signs of zeros count).</summary>
internal static class Ulps
{
    public static long Distance<T>(T a, T b, Func<T, long> bits) where T : System.Numerics.IFloatingPointIeee754<T>
    {
        if (T.IsNaN(a) || T.IsNaN(b))
            return T.IsNaN(a) && T.IsNaN(b) ? 0 : long.MaxValue;
        if (T.IsInfinity(a) || T.IsInfinity(b) || a == T.Zero || b == T.Zero)
            return bits(a) == bits(b) ? 0 : long.MaxValue;
        return Math.Abs(Order(bits(a)) - Order(bits(b)));
    }

    private static long Order(long bits) => bits < 0 ? long.MinValue - bits : bits;
}

/// <summary>Arrays from raw little-endian bytes.</summary>
internal static class Bytes
{
    public static T[] As<T>(byte[] bytes) where T : unmanaged => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(bytes).ToArray();
}
