using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace LazyDist.Graph.Blocks;

/// <summary>
/// The bytes of a block. A plain block is <c>[1, schema hash (8), count (4), columns...]</c>, its
/// columns written by the element type's <see cref="ColumnCodec{T}"/>; the schema hash makes a block
/// read as the wrong type fail by name. A segmented block (a split partition's buckets) is
/// <c>[2, segment count (4), segment ends (8 each), plain blocks...]</c>, so one segment is a slice
/// of the bytes and a bucket can be passed on without decoding its partition.
/// </summary>
internal static class BlockCodec
{
    private const byte Plain = 1, Segmented = 2;
    private const int PlainHeader = 13;

    /// <summary>What the first bytes of a block say.</summary>
    internal readonly record struct Header(int Count, int SegmentCount);

    public static byte[] Encode<T>(ElementBlock<T> block)
    {
        var codec = ColumnCodecs.For<T>();
        var writer = new BlockWriter(64 + block.Count * 8);
        if (block.Segments is not { } segments)
        {
            WritePlain(codec, block.Span, writer);
            return writer.ToArray();
        }
        int count = segments.Length - 1;
        writer.WriteByte(Segmented);
        writer.WriteInt32(count);
        var body = new BlockWriter(64 + block.Count * 8);
        for (int s = 0; s < count; s++)
        {
            WritePlain(codec, block.Span[segments[s]..segments[s + 1]], body);
            writer.WriteInt64(body.Length);
        }
        writer.WriteBytes(body.Written);
        return writer.ToArray();
    }

    private static void WritePlain<T>(ColumnCodec<T> codec, ReadOnlySpan<T> values, BlockWriter writer)
    {
        writer.WriteByte(Plain);
        writer.WriteUInt64(Schema<T>.Hash);
        writer.WriteInt32(values.Length);
        codec.Write(values, writer);
    }

    public static ElementBlock<T> Decode<T>(ReadOnlySpan<byte> bytes)
    {
        var header = ReadHeader(bytes);
        if (header.SegmentCount == 0)
        {
            var items = new T[header.Count];
            ReadPlain(bytes, items);
            return new ElementBlock<T>(items, items.Length);
        }
        var all = new T[header.Count];
        var offsets = new int[header.SegmentCount + 1];
        for (int s = 0; s < header.SegmentCount; s++)
        {
            var (start, length) = SegmentRange(bytes, s);
            var part = bytes.Slice(start, length);
            int count = ReadHeader(part).Count;
            ReadPlain(part, all.AsSpan(offsets[s], count));
            offsets[s + 1] = offsets[s] + count;
        }
        return new ElementBlock<T>(all, all.Length, offsets);
    }

    private static void ReadPlain<T>(ReadOnlySpan<byte> bytes, Span<T> into)
    {
        ulong hash = BinaryPrimitives.ReadUInt64LittleEndian(bytes[1..]);
        if (hash != Schema<T>.Hash)
            throw new FormatException($"a block read as elements of {typeof(T)} was written with another layout than {Schema<T>.Text}");
        var reader = new BlockReader(bytes[PlainHeader..]);
        ColumnCodecs.For<T>().Read(ref reader, into);
    }

    /// <exception cref="FormatException">The bytes do not start as a block.</exception>
    public static Header ReadHeader(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= PlainHeader && bytes[0] == Plain)
        {
            int count = BinaryPrimitives.ReadInt32LittleEndian(bytes[9..]);
            if (count < 0 || count > bytes.Length - PlainHeader)
                throw new FormatException($"a block claims {count} elements in {bytes.Length} bytes");
            return new Header(count, 0);
        }
        if (bytes.Length >= 5 && bytes[0] == Segmented)
        {
            int segments = BinaryPrimitives.ReadInt32LittleEndian(bytes[1..]);
            if (segments <= 0 || segments > (bytes.Length - 5) / (8 + PlainHeader))
                throw new FormatException($"a block claims {segments} segments in {bytes.Length} bytes");
            long total = 0;
            for (int s = 0; s < segments; s++)
            {
                var (start, length) = SegmentRange(bytes, s);
                total += ReadHeader(bytes.Slice(start, length)).Count;
            }
            return new Header(checked((int)total), segments);
        }
        throw new FormatException($"not a block: {bytes.Length} bytes starting with {(bytes.IsEmpty ? "nothing" : bytes[0].ToString(System.Globalization.CultureInfo.InvariantCulture))}");
    }

    /// <summary>Where segment <paramref name="index"/> of a segmented block lies in its bytes.</summary>
    public static (int Start, int Length) SegmentRange(ReadOnlySpan<byte> bytes, int index)
    {
        int segments = BinaryPrimitives.ReadInt32LittleEndian(bytes[1..]);
        int body = 5 + 8 * segments;
        long end = BinaryPrimitives.ReadInt64LittleEndian(bytes[(5 + 8 * index)..]);
        long start = index == 0 ? 0 : BinaryPrimitives.ReadInt64LittleEndian(bytes[(5 + 8 * (index - 1))..]);
        if (start < 0 || end < start || body + end > bytes.Length)
            throw new FormatException($"segment {index} of a block runs past its {bytes.Length} bytes");
        return (body + (int)start, (int)(end - start));
    }

    private static class Schema<T>
    {
        public static readonly string Text = ColumnCodecs.For<T>().Schema;
        public static readonly ulong Hash = XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(Text));
    }
}
