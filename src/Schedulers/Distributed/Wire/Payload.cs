using System.Runtime.InteropServices;

namespace LazyDist.Distributed.Wire;

/// <summary>One raw payload frame: a primitive array sent as its own bytes, never copied element by element.</summary>
internal readonly struct Payload
{
    private readonly Array? _array;

    /// <summary>The bytes of <paramref name="array"/>, which must be a one-dimensional array of a primitive type.</summary>
    public Payload(Array array)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array.Rank != 1 || array.GetType().GetElementType() is not { IsPrimitive: true })
            throw new ArgumentException($"a payload must be a one-dimensional primitive array, got {array.GetType().Name}", nameof(array));
        _array = array;
    }

    /// <summary>The payload's length in bytes.</summary>
    public long Length => _array is null ? 0 : Buffer.ByteLength(_array);

    /// <summary>The payload's bytes, without a copy.</summary>
    public ReadOnlySpan<byte> Bytes =>
        _array is null ? [] : MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetArrayDataReference(_array), Buffer.ByteLength(_array));

    /// <summary>The array, when it is a byte array.</summary>
    public byte[] ToByteArray() => _array as byte[] ?? Bytes.ToArray();
}
