using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace LazyDist.Graph.Blocks;

/// <summary>Appends the parts of an encoded block: little-endian integers and raw spans of unmanaged values.</summary>
internal sealed class BlockWriter(int capacity = 256)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(Math.Max(16, capacity));

    public int Length => _buffer.WrittenCount;

    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    public void WriteByte(byte value) => _buffer.Write([value]);

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void WriteUInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    public void WriteValues<T>(ReadOnlySpan<T> values) where T : unmanaged => _buffer.Write(MemoryMarshal.AsBytes(values));

    /// <summary>A span of <paramref name="length"/> bytes to fill, then <see cref="Advance"/>.</summary>
    public Span<byte> GetSpan(int length) => _buffer.GetSpan(length);

    public void Advance(int count) => _buffer.Advance(count);

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
