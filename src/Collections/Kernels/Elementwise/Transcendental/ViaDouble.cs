using System.Numerics;

namespace LazyDist.Collections.Kernels.Elementwise.Transcendental;

/// <summary>
/// A float32 kernel from a float64 one: widen, compute, round once to float32 — nearly always
/// the correctly rounded float32, and the same bits wherever the element sits.
/// </summary>
internal readonly struct ViaDouble<TOp> : IUnaryOperator<float>
    where TOp : IUnaryOperator<double>
{
    public static bool Exact => false;

    public static float Invoke(float x) => (float)TOp.Invoke(new Vector<double>(x))[0];

    public static Vector<float> Invoke(Vector<float> x)
    {
        Vector.Widen(x, out var low, out var high);
        return Vector.Narrow(TOp.Invoke(low), TOp.Invoke(high));
    }
}
