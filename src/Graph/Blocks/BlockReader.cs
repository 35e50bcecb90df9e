using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LazyDist.Graph.Blocks;

/// <summary>
/// Reads an encoded block front to back. Every length is checked against the bytes that remain
/// before anything is allocated, so a damaged block fails with a <see cref="FormatException"/>
/// instead of a huge allocation.
/// </summary>
internal ref struct BlockReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public readonly int Remaining => _bytes.Length - _position;

    public byte ReadByte() => Take(1)[0];

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>A count of items that each take at least <paramref name="minBytes"/> bytes of what remains.</summary>
    public int ReadCount(int minBytes)
    {
        int count = ReadInt32();
        if (count < 0 || (long)count * Math.Max(1, minBytes) > Remaining)
            throw new FormatException($"a block claims {count} items with only {Remaining} bytes left");
        return count;
    }

    public ReadOnlySpan<byte> Take(int length)
    {
        if (length < 0 || length > Remaining)
            throw new FormatException($"a block ends {length - Remaining} bytes early");
        var span = _bytes.Slice(_position, length);
        _position += length;
        return span;
    }

    public void ReadValues<T>(Span<T> into) where T : unmanaged =>
        Take(checked(into.Length * Unsafe.SizeOf<T>())).CopyTo(MemoryMarshal.AsBytes(into));
}
