using System.Numerics;
using System.Numerics.Tensors;

namespace LazyDist.Collections.Kernels;

/// <summary>Minimum or maximum; NaN wins, as in numpy. State: <c>T[m]</c>.</summary>
internal sealed class ExtremumReducer<T>(bool max) : Reducer<T>
    where T : unmanaged, INumber<T>
{
    public override Array NewState(int outputs)
    {
        var state = new T[outputs];
        Array.Fill(state, Identity());
        return state;
    }

    public override void Run(Array state, int slot, ReadOnlySpan<T> x, long firstIndex)
    {
        var s = (T[])state;
        T v = max ? TensorPrimitives.Max(x) : TensorPrimitives.Min(x);
        s[slot] = max ? T.Max(s[slot], v) : T.Min(s[slot], v);
    }

    public override void Row(Array state, int slot, ReadOnlySpan<T> x, long index)
    {
        var s = ((T[])state).AsSpan(slot, x.Length);
        if (max)
            TensorPrimitives.Max(s, x, s);
        else
            TensorPrimitives.Min(s, x, s);
    }

    public override void Combine(Array into, Array other)
    {
        var a = (T[])into;
        if (max)
            TensorPrimitives.Max(a, (T[])other, a);
        else
            TensorPrimitives.Min(a, (T[])other, a);
    }

    public override object Finish(Array state, bool scalar) => Finish((T[])((T[])state).Clone(), scalar);

    private T Identity()
    {
        if (typeof(T) == typeof(double))
            return (T)(object)(max ? double.NegativeInfinity : double.PositiveInfinity);
        if (typeof(T) == typeof(float))
            return (T)(object)(max ? float.NegativeInfinity : float.PositiveInfinity);
        if (typeof(T) == typeof(int))
            return (T)(object)(max ? int.MinValue : int.MaxValue);
        return (T)(object)(max ? long.MinValue : long.MaxValue);
    }
}

/// <summary>
/// ArgMin or ArgMax: the position of the first extreme value (the first NaN, if any, as numpy).
/// State: planar <c>long[2m]</c>, the value's bits then its position (−1 while empty).
/// </summary>
internal sealed class ArgReducer<T>(bool max) : Reducer<T>
    where T : unmanaged, INumber<T>
{
    public override Array NewState(int outputs)
    {
        var state = new long[2 * outputs];
        state.AsSpan(outputs).Fill(-1);
        return state;
    }

    public override void Run(Array state, int slot, ReadOnlySpan<T> x, long firstIndex)
    {
        int j = max ? TensorPrimitives.IndexOfMax(x) : TensorPrimitives.IndexOfMin(x);
        Offer((long[])state, slot, x[j], firstIndex + j);
    }

    public override void Row(Array state, int slot, ReadOnlySpan<T> x, long index)
    {
        var s = (long[])state;
        for (int i = 0; i < x.Length; i++)
            Offer(s, slot + i, x[i], index);
    }

    public override void Combine(Array into, Array other)
    {
        var a = (long[])into;
        var b = (long[])other;
        int m = a.Length / 2;
        for (int i = 0; i < m; i++)
        {
            if (b[m + i] >= 0)
                Offer(a, i, Decode(b[i]), b[m + i]);
        }
    }

    public override object Finish(Array state, bool scalar)
    {
        var s = (long[])state;
        return Finish(s[(s.Length / 2)..], scalar);
    }

    public override void MapIndices(Array state, Func<long, long> map)
    {
        var s = (long[])state;
        int m = s.Length / 2;
        for (int i = m; i < s.Length; i++)
        {
            if (s[i] >= 0)
                s[i] = map(s[i]);
        }
    }

    private void Offer(long[] s, int slot, T value, long index)
    {
        int m = s.Length / 2;
        long current = s[m + slot];
        if (current < 0 || Better(value, index, Decode(s[slot]), current))
        {
            s[slot] = Encode(value);
            s[m + slot] = index;
        }
    }

    private bool Better(T a, long ia, T b, long ib)
    {
        bool nanA = T.IsNaN(a), nanB = T.IsNaN(b);
        if (nanA || nanB)
            return nanA && (!nanB || ia < ib);
        if (a == b)
            return ia < ib;
        return max ? a > b : a < b;
    }

    private static long Encode(T value) =>
        typeof(T) == typeof(double) || typeof(T) == typeof(float)
            ? BitConverter.DoubleToInt64Bits(double.CreateTruncating(value))
            : long.CreateTruncating(value);

    private static T Decode(long bits) =>
        typeof(T) == typeof(double) || typeof(T) == typeof(float)
            ? T.CreateTruncating(BitConverter.Int64BitsToDouble(bits))
            : T.CreateTruncating(bits);
}
