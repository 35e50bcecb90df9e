using System.Numerics;

namespace LazyDist.Collections.Kernels;

/// <summary>
/// The untyped entry points of the block-program operations (<c>array.map</c>,
/// <c>array.reduce</c>, <c>array.combine</c>): they read the element type from the constants
/// array (or a dtype name) and call the typed kernels.
/// </summary>
internal static class BlockKernels
{
    /// <summary><c>[int[] codes, T[] consts, long[] seeds, int length, inputs]</c> → <c>T[length]</c>.</summary>
    public static object Map(object?[] a) => a[1] switch
    {
        double[] c => Map(a, c),
        float[] c => Map(a, c),
        int[] c => Map(a, c),
        long[] c => Map(a, c),
        var other => throw Unsupported(other),
    };

    /// <summary><c>[string reducer, long[] geometry, int[] codes, T[] consts, long[] seeds, inputs]</c> → a partial state.</summary>
    public static object Reduce(object?[] a) => a[3] switch
    {
        double[] c => Reduce(a, c),
        float[] c => Reduce(a, c),
        int[] c => Reduce(a, c),
        long[] c => Reduce(a, c),
        var other => throw Unsupported(other),
    };

    /// <summary><c>[string reducer, string dtype, bool finish, bool scalar, partials]</c> → a state or the result.</summary>
    public static object Combine(object?[] a) => DTypes.Parse((string)a[1]!) switch
    {
        DType.Float64 => Combine<double>(a),
        DType.Float32 => Combine<float>(a),
        DType.Int32 => Combine<int>(a),
        _ => Combine<long>(a),
    };

    public static Reducer<T> CreateReducer<T>(string spec) where T : unmanaged, INumber<T>
    {
        int colon = spec.IndexOf(':', StringComparison.Ordinal);
        string name = colon < 0 ? spec : spec[..colon];
        double ddof = colon < 0 ? 0 : double.Parse(spec[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        bool floating = typeof(T) == typeof(double) || typeof(T) == typeof(float);
        return name switch
        {
            "sum" => floating ? new FloatSumReducer<T>() : new IntegerSumReducer<T>(),
            "min" => new ExtremumReducer<T>(max: false),
            "max" => new ExtremumReducer<T>(max: true),
            "argmin" => new ArgReducer<T>(max: false),
            "argmax" => new ArgReducer<T>(max: true),
            "count" => new MomentsReducer<T>(MomentKind.Count, 0),
            "mean" => new MomentsReducer<T>(MomentKind.Mean, 0),
            "var" => new MomentsReducer<T>(MomentKind.Var, ddof),
            "std" => new MomentsReducer<T>(MomentKind.Std, ddof),
            _ => throw new ArgumentException($"unknown reduction '{spec}'", nameof(spec)),
        };
    }

    private static T[] Map<T>(object?[] a, T[] consts) where T : unmanaged, INumber<T>
    {
        using var program = new TileProgram<T>((int[])a[0]!, consts, (long[])a[2]!, (object?[])a[4]!);
        return program.Materialize((int)a[3]!);
    }

    /// <summary>
    /// Geometry: <c>[A, R, B, axisOffset, k, blockShape(k), blockStart(k), fullShape(k)]</c>: the block
    /// is viewed as A × R × B with the reduced axis in the middle; when k &gt; 0 the positions an arg
    /// reduction records are block-local flat indices mapped to flat indices of the full array.
    /// </summary>
    private static Array Reduce<T>(object?[] a, T[] consts) where T : unmanaged, INumber<T>
    {
        var reducer = CreateReducer<T>((string)a[0]!);
        var g = (long[])a[1]!;
        long outer = g[0], r = g[1], inner = g[2], axisOffset = g[3];
        var state = reducer.NewState(checked((int)(outer * inner)));
        long n = outer * r * inner;
        using (var program = new TileProgram<T>((int[])a[2]!, consts, (long[])a[4]!, (object?[])a[5]!))
        {
            for (long start = 0; start < n; start += TileProgram<T>.TileSize)
            {
                int len = (int)Math.Min(TileProgram<T>.TileSize, n - start);
                var tile = program.Evaluate(start, len);
                long p = start;
                int off = 0;
                while (off < len)
                {
                    long b = p % inner, along = p / inner % r, o = p / (inner * r);
                    int seg;
                    if (inner > 1)
                    {
                        seg = (int)Math.Min(len - off, inner - b);
                        reducer.Row(state, (int)(o * inner + b), tile.Slice(off, seg), axisOffset + along);
                    }
                    else
                    {
                        seg = (int)Math.Min(len - off, r - along);
                        reducer.Run(state, (int)o, tile.Slice(off, seg), axisOffset + along);
                    }
                    off += seg;
                    p += seg;
                }
            }
        }
        int k = (int)g[4];
        if (k > 0)
            reducer.MapIndices(state, local => GlobalFlat(local, g.AsSpan(5, k), g.AsSpan(5 + k, k), g.AsSpan(5 + 2 * k, k)));
        return state;
    }

    private static long GlobalFlat(long local, ReadOnlySpan<long> blockShape, ReadOnlySpan<long> blockStart, ReadOnlySpan<long> fullShape)
    {
        long flat = 0, stride = 1;
        for (int axis = blockShape.Length - 1; axis >= 0; axis--)
        {
            long i = local % blockShape[axis];
            local /= blockShape[axis];
            flat += (blockStart[axis] + i) * stride;
            stride *= fullShape[axis];
        }
        return flat;
    }

    private static object Combine<T>(object?[] a) where T : unmanaged, INumber<T>
    {
        var reducer = CreateReducer<T>((string)a[0]!);
        var partials = (object?[])a[4]!;
        var state = (Array)((Array)partials[0]!).Clone();
        for (int i = 1; i < partials.Length; i++)
            reducer.Combine(state, (Array)partials[i]!);
        return (bool)a[2]! ? reducer.Finish(state, (bool)a[3]!) : state;
    }

    private static NotSupportedException Unsupported(object? consts) =>
        new($"block programs run on double, float, int and long arrays, not {consts?.GetType().Name ?? "null"}");
}
