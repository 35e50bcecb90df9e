namespace LazyDist.Collections.Kernels;

/// <summary>The element types of arrays, by their numpy names.</summary>
internal enum DType
{
    Float64,
    Float32,
    Int32,
    Int64,
}

/// <summary>Names and .npy descriptors of the supported element types.</summary>
internal static class DTypes
{
    public static DType Of<T>() =>
        typeof(T) == typeof(double) ? DType.Float64
        : typeof(T) == typeof(float) ? DType.Float32
        : typeof(T) == typeof(int) ? DType.Int32
        : typeof(T) == typeof(long) ? DType.Int64
        : throw new NotSupportedException($"arrays hold double, float, int or long, not {typeof(T).Name}");

    public static string Name(DType type) => type switch
    {
        DType.Float64 => "float64",
        DType.Float32 => "float32",
        DType.Int32 => "int32",
        _ => "int64",
    };

    public static DType Parse(string name) => name switch
    {
        "float64" => DType.Float64,
        "float32" => DType.Float32,
        "int32" => DType.Int32,
        "int64" => DType.Int64,
        _ => throw new ArgumentException($"unknown dtype '{name}'", nameof(name)),
    };

    /// <summary>The little-endian .npy descriptor, such as <c>&lt;f8</c>.</summary>
    public static string Descr(DType type) => type switch
    {
        DType.Float64 => "<f8",
        DType.Float32 => "<f4",
        DType.Int32 => "<i4",
        _ => "<i8",
    };

    public static bool IsFloating(DType type) => type is DType.Float64 or DType.Float32;
}
