using System.Numerics;

namespace LazyDist.Collections.Kernels.Elementwise;

// Bitwise operations of integers; on bools (bytes 0 and 1) they are the logical ones.

internal readonly struct AndOperator<T> : IBinaryOperator<T> where T : unmanaged, IBinaryInteger<T>
{
    public static T Invoke(T x, T y) => x & y;

    public static Vector<T> Invoke(Vector<T> x, Vector<T> y) => x & y;
}

internal readonly struct OrOperator<T> : IBinaryOperator<T> where T : unmanaged, IBinaryInteger<T>
{
    public static T Invoke(T x, T y) => x | y;

    public static Vector<T> Invoke(Vector<T> x, Vector<T> y) => x | y;
}

internal readonly struct XorOperator<T> : IBinaryOperator<T> where T : unmanaged, IBinaryInteger<T>
{
    public static T Invoke(T x, T y) => x ^ y;

    public static Vector<T> Invoke(Vector<T> x, Vector<T> y) => x ^ y;
}

/// <summary>Logical not of bools held as bytes 0 and 1.</summary>
internal readonly struct NotOperator : IUnaryOperator<byte>
{
    public static byte Invoke(byte x) => (byte)(x ^ 1);

    public static Vector<byte> Invoke(Vector<byte> x) => x ^ Vector<byte>.One;
}
