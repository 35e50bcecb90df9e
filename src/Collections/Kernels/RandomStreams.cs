using System.Numerics.Tensors;
using LazyDist.Collections.Kernels.Elementwise;
using LazyDist.Collections.Kernels.Elementwise.Transcendental;

namespace LazyDist.Collections.Kernels;

/// <summary>
/// A block's uniform stream, tile after tile: the values are those of
/// <see cref="Chunks.Random(int, ulong)"/> for the whole block, whatever the tiling (tiles are
/// multiples of eight elements but the last).
/// </summary>
internal sealed class UniformStream
{
    private readonly ulong[] _state = new ulong[4 * Xoshiro256PlusX8.Lanes];

    public UniformStream(ulong seed) => Xoshiro256PlusX8.Seed(_state, seed);

    public void Fill(Span<double> destination) => Xoshiro256PlusX8.Continue(destination, _state);
}

/// <summary>
/// Normal deviates by a vectorized Box–Muller transform of a uniform stream: a tile of
/// <c>2h</c> uniforms gives <c>r·cos(2πu₂)</c> for its first half and <c>r·sin(2πu₂)</c> for
/// its second, with <c>r = √(−2 ln(1 − u₁))</c>. Deterministic per (seed, block, tiling), and the
/// same in every process: the logarithm, sine and cosine are our own kernels.
/// </summary>
internal sealed class NormalStream(ulong seed, double mean, double std)
{
    private readonly UniformStream _uniform = new(seed);
    private double[] _u = [];
    private double[] _a = [];
    private double[] _b = [];

    public void Fill(Span<double> destination)
    {
        int even = (destination.Length + 1) & ~1;
        int h = even / 2;
        if (_u.Length < even)
        {
            _u = new double[even];
            _a = new double[h];
            _b = new double[h];
        }
        var u = _u.AsSpan(0, even);
        _uniform.Fill(u);
        Span<double> r = _a.AsSpan(0, h), angle = _b.AsSpan(0, h);
        TensorPrimitives.Subtract(1.0, u[..h], r);
        Loops.Unary<double, LogOperator>(r, r);
        TensorPrimitives.Multiply(r, -2.0, r);
        TensorPrimitives.Sqrt(r, r);
        TensorPrimitives.Multiply(u[h..], 2.0 * Math.PI, angle);
        Span<double> sin = u[..h], cos = u[h..];
        Loops.Unary<double, SinOperator>(angle, sin);
        Loops.Unary<double, CosOperator>(angle, cos);
        TensorPrimitives.Multiply(cos, r, angle);
        TensorPrimitives.Multiply(sin, r, r);
        TensorPrimitives.Multiply(angle, std, angle);
        TensorPrimitives.Add(angle, mean, angle);
        TensorPrimitives.Multiply(r, std, r);
        TensorPrimitives.Add(r, mean, r);
        int first = Math.Min(h, destination.Length);
        angle[..first].CopyTo(destination);
        r[..(destination.Length - first)].CopyTo(destination[first..]);
    }
}
