using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LazyDist.Collections.Kernels;

/// <summary>
/// Floating-point sums with Neumaier (improved Kahan) compensation everywhere: within a tile in
/// eight vector lanes, and across tiles, rows and partial states with a running compensation term.
/// State: planar <c>[sum₀..sumₘ₋₁, comp₀..compₘ₋₁]</c>.
/// </summary>
internal sealed class FloatSumReducer<T> : Reducer<T>
    where T : unmanaged, INumber<T>
{
    public override Array NewState(int outputs) => new double[2 * outputs];

    public override void Run(Array state, int slot, ReadOnlySpan<T> x, long firstIndex)
    {
        var s = (double[])state;
        var (sum, comp) = CompensatedSum(typeof(T) == typeof(double) ? Doubles(x) : AsDoubles(x));
        int m = s.Length / 2;
        Neumaier(ref s[slot], ref s[m + slot], sum);
        s[m + slot] += comp;
    }

    public override void Row(Array state, int slot, ReadOnlySpan<T> x, long index)
    {
        var s = (double[])state;
        int m = s.Length / 2;
        var values = typeof(T) == typeof(double) ? Doubles(x) : AsDoubles(x);
        NeumaierRow(s.AsSpan(slot, x.Length), s.AsSpan(m + slot, x.Length), values);
    }

    public override void Combine(Array into, Array other)
    {
        var a = (double[])into;
        var b = (double[])other;
        int m = a.Length / 2;
        for (int i = 0; i < m; i++)
        {
            Neumaier(ref a[i], ref a[m + i], b[i]);
            a[m + i] += b[m + i];
        }
    }

    public override object Finish(Array state, bool scalar)
    {
        var s = (double[])state;
        int m = s.Length / 2;
        var result = new T[m];
        for (int i = 0; i < m; i++)
            result[i] = T.CreateTruncating(s[i] + s[m + i]);
        return Finish(result, scalar);
    }

    /// <summary>
    /// Neumaier summation in eight interleaved lanes (one 512-bit vector; the scalar path emulates
    /// the same lanes, so every machine gives the same bits), the lanes then added in order.
    /// </summary>
    internal static (double Sum, double Comp) CompensatedSum(ReadOnlySpan<double> x)
    {
        const int Lanes = 8;
        int whole = x.Length - x.Length % Lanes;
        double sum = 0, comp = 0;
        if (whole > 0)
        {
            Span<double> ls = stackalloc double[Lanes], lc = stackalloc double[Lanes];
            if (Vector512.IsHardwareAccelerated)
            {
                var vs = Vector512<double>.Zero;
                var vc = Vector512<double>.Zero;
                ref double start = ref MemoryMarshal.GetReference(x);
                for (int i = 0; i < whole; i += Lanes)
                {
                    var e = Vector512.LoadUnsafe(ref start, (nuint)i);
                    var t = vs + e;
                    var big = Vector512.GreaterThanOrEqual(Vector512.Abs(vs), Vector512.Abs(e));
                    vc += Vector512.ConditionalSelect(big, (vs - t) + e, (e - t) + vs);
                    vs = t;
                }
                vs.CopyTo(ls);
                vc.CopyTo(lc);
            }
            else
            {
                ls.Clear();
                lc.Clear();
                for (int i = 0; i < whole; i++)
                    Neumaier(ref ls[i % Lanes], ref lc[i % Lanes], x[i]);
            }
            for (int lane = 0; lane < Lanes; lane++)
            {
                Neumaier(ref sum, ref comp, ls[lane]);
                comp += lc[lane];
            }
        }
        for (int i = whole; i < x.Length; i++)
            Neumaier(ref sum, ref comp, x[i]);
        return (sum, comp);
    }

    private static void Neumaier(ref double sum, ref double comp, double x)
    {
        double t = sum + x;
        comp += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
        sum = t;
    }

    /// <summary>Vectorized Neumaier step per slot.</summary>
    private static void NeumaierRow(Span<double> sums, Span<double> comps, ReadOnlySpan<double> x)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vs = MemoryMarshal.Cast<double, Vector<double>>(sums);
            var vc = MemoryMarshal.Cast<double, Vector<double>>(comps);
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            for (int v = 0; v < vx.Length; v++)
            {
                var s = vs[v];
                var e = vx[v];
                var t = s + e;
                var big = Vector.GreaterThanOrEqual(Vector.Abs(s), Vector.Abs(e));
                vc[v] += Vector.ConditionalSelect(big, (s - t) + e, (e - t) + s);
                vs[v] = t;
            }
            i = vx.Length * Vector<double>.Count;
        }
        for (; i < x.Length; i++)
            Neumaier(ref sums[i], ref comps[i], x[i]);
    }
}

/// <summary>Integer sums, exact in 64 bits (wrapping like numpy on overflow). State: <c>long[m]</c>.</summary>
internal sealed class IntegerSumReducer<T> : Reducer<T>
    where T : unmanaged, INumber<T>
{
    private long[]? _scratch;

    public override Array NewState(int outputs) => new long[outputs];

    public override void Run(Array state, int slot, ReadOnlySpan<T> x, long firstIndex) =>
        ((long[])state)[slot] += TensorPrimitives.Sum<long>(Longs(x));

    public override void Row(Array state, int slot, ReadOnlySpan<T> x, long index)
    {
        var s = ((long[])state).AsSpan(slot, x.Length);
        TensorPrimitives.Add(s, Longs(x), s);
    }

    public override void Combine(Array into, Array other) =>
        TensorPrimitives.Add((long[])into, (long[])other, (long[])into);

    public override object Finish(Array state, bool scalar) =>
        Finish(((long[])state).Select(T.CreateTruncating).ToArray(), scalar);

    private ReadOnlySpan<long> Longs(ReadOnlySpan<T> x)
    {
        if (typeof(T) == typeof(long))
            return MemoryMarshal.Cast<T, long>(x);
        _scratch ??= new long[TileProgram<T>.TileSize];
        var into = _scratch.AsSpan(0, x.Length);
        TensorPrimitives.ConvertChecked<T, long>(x, into);
        return into;
    }
}
