using System.Runtime.CompilerServices;

namespace LazyDist.Graph;

/// <summary>
/// The bytes one element of a primitive type takes in memory (and so in an array's raw bytes on the wire).
/// Not <c>Marshal.SizeOf</c>: that is the size when marshalled to native code, where a bool is 4 bytes and a char 1.
/// </summary>
internal static class PrimitiveSize
{
    public static int Of<T>() where T : unmanaged => Unsafe.SizeOf<T>();

    /// <exception cref="ArgumentException"><paramref name="type"/> is not a primitive type.</exception>
    public static int Of(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Boolean or TypeCode.Byte or TypeCode.SByte => 1,
        TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Char => 2,
        TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Single => 4,
        TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Double => 8,
        _ when type == typeof(nint) || type == typeof(nuint) => IntPtr.Size,
        _ => throw new ArgumentException($"{type} is not a primitive type", nameof(type)),
    };
}
