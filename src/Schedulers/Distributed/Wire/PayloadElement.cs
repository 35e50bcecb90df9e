using LazyDist.Graph;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// The element type of a payload frame, carried in the top byte of its length so the reader
/// allocates the right array at once and reads the bytes straight into it (a <c>double[]</c>
/// arrives as a <c>double[]</c>, with no copy from a byte buffer and no 2 GB ceiling).
/// </summary>
internal enum PayloadElement : byte
{
    /// <summary>Bytes: a <c>byte[]</c>, or the bytes of any other primitive array.</summary>
    Bytes = 0,

    /// <summary>A <c>double[]</c>.</summary>
    Doubles = 1,

    /// <summary>A <c>float[]</c>.</summary>
    Floats = 2,

    /// <summary>An <c>int[]</c>.</summary>
    Ints = 3,

    /// <summary>A <c>long[]</c>.</summary>
    Longs = 4,
}

/// <summary>Element sizes and codes.</summary>
internal static class PayloadElements
{
    /// <summary>The code of <paramref name="array"/>'s element type.</summary>
    public static PayloadElement Of(Array? array) => array switch
    {
        double[] => PayloadElement.Doubles,
        float[] => PayloadElement.Floats,
        int[] => PayloadElement.Ints,
        long[] => PayloadElement.Longs,
        _ => PayloadElement.Bytes,
    };

    /// <summary>The bytes of one element of <paramref name="element"/>.</summary>
    public static int SizeOf(PayloadElement element) => element switch
    {
        PayloadElement.Doubles or PayloadElement.Longs => 8,
        PayloadElement.Floats or PayloadElement.Ints => 4,
        _ => 1,
    };

    /// <summary>The bytes of one element of the primitive type <paramref name="type"/>.</summary>
    public static int SizeOf(Type type) => PrimitiveSize.Of(type);
}
