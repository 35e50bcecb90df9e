namespace LazyDist.Graph.Blocks;

/// <summary>A block as bytes from another process, decoded only by a task that reads it as elements of its type.</summary>
internal sealed class EncodedBlock : ElementBlock
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly BlockCodec.Header _header;

    /// <exception cref="FormatException">The bytes do not start as a block.</exception>
    public EncodedBlock(ReadOnlyMemory<byte> bytes)
    {
        _bytes = bytes;
        _header = BlockCodec.ReadHeader(bytes.Span);
    }

    public override int Count => _header.Count;

    public override int SegmentCount => _header.SegmentCount;

    public override long EstimatedBytes => _bytes.Length;

    public override ElementBlock Segment(int index)
    {
        if ((uint)index >= (uint)_header.SegmentCount)
            throw new ArgumentOutOfRangeException(nameof(index), $"segment {index} of a block with {SegmentCount} segments");
        var (start, length) = BlockCodec.SegmentRange(_bytes.Span, index);
        return new EncodedBlock(_bytes.Slice(start, length));
    }

    public override byte[] Encode() =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(_bytes, out var whole) && whole.Offset == 0 && whole.Count == whole.Array!.Length ? whole.Array : _bytes.ToArray();

    public override void EnsureEncodable()
    {
    }

    public override ElementBlock<T> As<T>() => BlockCodec.Decode<T>(_bytes.Span);
}
