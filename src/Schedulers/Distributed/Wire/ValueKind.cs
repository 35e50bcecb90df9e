namespace LazyDist.Distributed.Wire;

/// <summary>How a value is laid out in its payload frame.</summary>
internal enum ValueKind : byte
{
    /// <summary>MessagePack with a type tag (numbers, strings, lists): small values.</summary>
    Packed = 0,

    /// <summary>The raw little-endian bytes of a <c>double[]</c>.</summary>
    Doubles = 1,

    /// <summary>The raw bytes of a <c>float[]</c>.</summary>
    Floats = 2,

    /// <summary>The raw bytes of an <c>int[]</c>.</summary>
    Ints = 3,

    /// <summary>The raw bytes of a <c>long[]</c>.</summary>
    Longs = 4,

    /// <summary>A <c>byte[]</c> as it is.</summary>
    Bytes = 5,

    /// <summary>A value of user types (a record, a tuple, a list of those), written by the code codec; read with its session's code.</summary>
    Code = 6,

    /// <summary>A block of elements (a bag's partition) in the block codec's form; read by the task that knows its element type.</summary>
    Block = 7,

    /// <summary>The raw bytes of a <c>bool[]</c> (array blocks of numpy's other element types; 8–15 are left for other kinds).</summary>
    Bools = 16,

    /// <summary>The raw bytes of a <c>short[]</c>.</summary>
    Shorts = 17,

    /// <summary>The raw bytes of a <c>uint[]</c>.</summary>
    UInts = 18,

    /// <summary>The raw bytes of a <c>ulong[]</c>.</summary>
    ULongs = 19,
}
