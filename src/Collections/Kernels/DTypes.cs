namespace LazyDist.Collections.Kernels;

/// <summary>The element types of arrays, by their numpy names (<c>bool</c> is held as one byte, 0 or 1).</summary>
internal enum DType : byte
{
    Bool,
    UInt8,
    Int16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Float32,
    Float64,
}

/// <summary>Names, sizes, .npy descriptors and kinds of the supported element types.</summary>
internal static class DTypes
{
    /// <summary>The dtype of <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not an element type numpy has.</exception>
    public static DType Of<T>() =>
        typeof(T) == typeof(double) ? DType.Float64
        : typeof(T) == typeof(float) ? DType.Float32
        : typeof(T) == typeof(int) ? DType.Int32
        : typeof(T) == typeof(long) ? DType.Int64
        : typeof(T) == typeof(bool) ? DType.Bool
        : typeof(T) == typeof(byte) ? DType.UInt8
        : typeof(T) == typeof(short) ? DType.Int16
        : typeof(T) == typeof(uint) ? DType.UInt32
        : typeof(T) == typeof(ulong) ? DType.UInt64
        : throw new NotSupportedException($"arrays hold bool, byte, short, int, uint, long, ulong, float or double, not {typeof(T).Name}");

    public static Type ClrType(DType type) => type switch
    {
        DType.Bool => typeof(bool),
        DType.UInt8 => typeof(byte),
        DType.Int16 => typeof(short),
        DType.Int32 => typeof(int),
        DType.UInt32 => typeof(uint),
        DType.Int64 => typeof(long),
        DType.UInt64 => typeof(ulong),
        DType.Float32 => typeof(float),
        _ => typeof(double),
    };

    /// <summary>numpy's name: <c>float64</c>, <c>int32</c>, <c>bool</c>, ...</summary>
    public static string Name(DType type) => type switch
    {
        DType.Bool => "bool",
        DType.UInt8 => "uint8",
        DType.Int16 => "int16",
        DType.Int32 => "int32",
        DType.UInt32 => "uint32",
        DType.Int64 => "int64",
        DType.UInt64 => "uint64",
        DType.Float32 => "float32",
        _ => "float64",
    };

    /// <exception cref="ArgumentException">The name is not one of <see cref="Name"/>'s.</exception>
    public static DType Parse(string name)
    {
        for (var t = DType.Bool; t <= DType.Float64; t++)
        {
            if (Name(t) == name)
                return t;
        }
        throw new ArgumentException($"unknown dtype '{name}'", nameof(name));
    }

    /// <summary>The bytes of one element.</summary>
    public static int Size(DType type) => type switch
    {
        DType.Bool or DType.UInt8 => 1,
        DType.Int16 => 2,
        DType.Int32 or DType.UInt32 or DType.Float32 => 4,
        _ => 8,
    };

    /// <summary>The little-endian .npy descriptor, such as <c>&lt;f8</c> or <c>|b1</c>.</summary>
    public static string Descr(DType type) => type switch
    {
        DType.Bool => "|b1",
        DType.UInt8 => "|u1",
        DType.Int16 => "<i2",
        DType.Int32 => "<i4",
        DType.UInt32 => "<u4",
        DType.Int64 => "<i8",
        DType.UInt64 => "<u8",
        DType.Float32 => "<f4",
        _ => "<f8",
    };

    public static bool IsFloating(DType type) => type is DType.Float64 or DType.Float32;

    public static bool IsInteger(DType type) => type is not (DType.Float64 or DType.Float32 or DType.Bool);

    public static bool IsUnsigned(DType type) => type is DType.UInt8 or DType.UInt32 or DType.UInt64;

    /// <summary>The type a block of <paramref name="type"/> is computed in by the kernels (a bool is a byte).</summary>
    public static DType Storage(DType type) => type == DType.Bool ? DType.UInt8 : type;

    /// <summary>A new zeroed array of <paramref name="length"/> elements of <paramref name="type"/>.</summary>
    public static Array NewArray(DType type, int length) => Array.CreateInstance(ClrType(type), length);
}
