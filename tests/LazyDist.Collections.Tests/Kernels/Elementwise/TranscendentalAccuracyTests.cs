using LazyDist.Collections.Kernels.Elementwise;
using LazyDist.Collections.Kernels.Elementwise.Transcendental;
using LazyDist.Collections.Tests.Array;

namespace LazyDist.Collections.Tests.Kernels.Elementwise;

/// <summary>
/// The vector exp, sin and cos kernels against the C runtime's (glibc's, within about ½ ulp of the
/// exact values) over seeded sweeps of wide and narrow ranges with the special values mixed in
/// (±0, subnormals, ±inf, NaN, the edges of the fast paths, huge arguments): at most 1 ulp apart,
/// special values exactly.
/// </summary>
public class TranscendentalAccuracyTests
{
    private static readonly double[] Specials =
    [
        0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon,
        1e-310, -1e-310, 1e-300, 708.0, 708.0001, 709.78, 709.79, -708.0, -708.0001, -745.1, -745.2, 1e5, -1e5,
        100000.0001, Math.PI / 4, Math.PI / 2, Math.PI, 1e22, -1e300, double.MaxValue, double.MinValue,
    ];

    private static IEnumerable<TestCaseData> Sweeps()
    {
        foreach (var (lo, hi) in new[] { (-745.5, 710.0), (-2.0, 2.0), (-1e-9, 1e-9) })
            yield return new TestCaseData("exp", lo, hi).SetName($"Exp_Sweep{lo}To{hi}_WithinOneUlpOfLibm");
        foreach (var f in new[] { "sin", "cos" })
        {
            foreach (var (lo, hi) in new[] { (-10.0, 10.0), (-1e5, 1e5), (-1e300, 1e300), (-1e-8, 1e-8) })
                yield return new TestCaseData(f, lo, hi).SetName($"{char.ToUpperInvariant(f[0])}{f[1..]}_Sweep{lo}To{hi}_WithinOneUlpOfLibm");
        }
    }

    [TestCaseSource(nameof(Sweeps))]
    public void Kernel_Sweep_WithinOneUlpOfLibm(string function, double lo, double hi)
    {
        var random = new Random(20261201);
        var x = new double[200_003];
        for (int i = 0; i < x.Length; i++)
            x[i] = lo + (hi - lo) * random.NextDouble();
        for (int i = 0; i < Specials.Length; i++)
            x[i * 7 + 3] = Specials[i];
        var actual = new double[x.Length];
        Func<double, double> reference;
        switch (function)
        {
            case "exp": Loops.Unary<double, ExpOperator>(x, actual); reference = Math.Exp; break;
            case "sin": Loops.Unary<double, SinOperator>(x, actual); reference = Math.Sin; break;
            default: Loops.Unary<double, CosOperator>(x, actual); reference = Math.Cos; break;
        }
        var worst = Enumerable.Range(0, x.Length)
            .Select(i => (Index: i, Ulps: Ulps.Distance(reference(x[i]), actual[i], BitConverter.DoubleToInt64Bits)))
            .MaxBy(p => p.Ulps);
        Assert.That(worst.Ulps, Is.LessThanOrEqualTo(1),
            $"{function}({x[worst.Index]:R}): libm {reference(x[worst.Index]):R}, kernel {actual[worst.Index]:R}");
    }
}
