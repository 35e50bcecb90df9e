using System.Runtime.InteropServices;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// One raw payload frame: a primitive array sent as its own bytes, never copied element by element,
/// and read back as an array of the same element type (see <see cref="PayloadElement"/>). Arrays
/// of more than 2 GB travel too: they are written and read in parts of at most
/// <see cref="PartBytes"/>, so no span or count ever overflows.
/// </summary>
internal readonly struct Payload
{
    /// <summary>The most bytes written or read at once.</summary>
    public const int PartBytes = 1 << 30;

    private readonly Array? _array;

    /// <summary>The bytes of <paramref name="array"/>, which must be a one-dimensional array of a primitive type.</summary>
    public Payload(Array array)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array.Rank != 1 || array.GetType().GetElementType() is not { IsPrimitive: true })
            throw new ArgumentException($"a payload must be a one-dimensional primitive array, got {array.GetType().Name}", nameof(array));
        _array = array;
    }

    /// <summary>The array whose bytes this is.</summary>
    public Array? Array => _array;

    /// <summary>The payload's length in bytes (more than 2 GB for large arrays).</summary>
    public long Length => _array is null ? 0 : _array.LongLength * PayloadElements.SizeOf(_array.GetType().GetElementType()!);

    /// <summary>The element type the reader allocates: the array's own when it is one the wire knows, else bytes.</summary>
    public PayloadElement Element => PayloadElements.Of(_array);

    /// <summary>The array, when it is a byte array; otherwise a copy of its bytes.</summary>
    /// <exception cref="WireProtocolException">More bytes than one byte array can hold.</exception>
    public byte[] ToByteArray()
    {
        if (_array is null)
            return [];
        if (_array is byte[] bytes)
            return bytes;
        if (Length > System.Array.MaxLength)
            throw new WireProtocolException($"a payload of {Length} bytes of {_array.GetType().GetElementType()!.Name} is more than one byte array can hold");
        return MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetArrayDataReference(_array), (int)Length).ToArray();
    }

    /// <summary>Writes the bytes to <paramref name="stream"/>, in parts of at most <see cref="PartBytes"/>.</summary>
    public void WriteTo(Stream stream)
    {
        switch (_array)
        {
            case null: break;
            case double[] a: WriteParts<double>(stream, a); break;
            case float[] a: WriteParts<float>(stream, a); break;
            case int[] a: WriteParts<int>(stream, a); break;
            case long[] a: WriteParts<long>(stream, a); break;
            case byte[] a: stream.Write(a); break;
            default: stream.Write(MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetArrayDataReference(_array), checked((int)Length))); break;
        }
    }

    private static void WriteParts<T>(Stream stream, T[] array) where T : unmanaged
    {
        int perPart = PartBytes / System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        for (int start = 0; start < array.Length; start += perPart)
            stream.Write(MemoryMarshal.AsBytes(array.AsSpan(start, Math.Min(perPart, array.Length - start))));
    }
}
