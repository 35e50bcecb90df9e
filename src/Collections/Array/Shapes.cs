using System.Globalization;

namespace LazyDist.Collections;

/// <summary>Shape arithmetic and numpy-style shape text, such as <c>(5000,)</c> and <c>(3, 4)</c>.</summary>
internal static class Shapes
{
    public static string Text(IReadOnlyList<long> shape) =>
        "(" + string.Join(", ", shape.Select(s => s.ToString(CultureInfo.InvariantCulture))) + (shape.Count == 1 ? ",)" : ")");

    public static string Text(IReadOnlyList<int> shape) => Text(shape.Select(s => (long)s).ToArray());

    public static long Product(IReadOnlyList<long> shape)
    {
        long p = 1;
        foreach (long s in shape)
            p = checked(p * s);
        return p;
    }

    public static int Product(IReadOnlyList<int> shape)
    {
        int p = 1;
        foreach (int s in shape)
            p = checked(p * s);
        return p;
    }

    public static void Validate(IReadOnlyList<long> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Any(s => s < 0))
            throw new ArgumentOutOfRangeException(nameof(shape), $"shape {Text(shape)} has a negative length");
    }

    /// <summary>Row-major strides, in elements, of <paramref name="shape"/>.</summary>
    public static long[] Strides(IReadOnlyList<long> shape)
    {
        var strides = new long[shape.Count];
        long s = 1;
        for (int i = shape.Count - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= Math.Max(shape[i], 1);
        }
        return strides;
    }

    public static int NormalizeAxis(int axis, int rank, string name = "axis")
    {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank)
            throw new ArgumentOutOfRangeException(name, axis, $"axis {axis} is out of bounds for an array of rank {rank}");
        return a;
    }
}
