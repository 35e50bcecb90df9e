using System.Runtime.CompilerServices;

namespace LazyDist.Graph.Blocks;

/// <summary>Elements in memory: a range of an array, optionally cut into segments (offsets into that range).</summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class ElementBlock<T> : ElementBlock
{
    private readonly T[] _items;
    private readonly int _offset;
    private readonly int _count;
    private readonly int[]? _segments;
    private byte[]? _encoded;

    /// <summary>The first <paramref name="count"/> items of <paramref name="items"/> (not copied).</summary>
    /// <param name="items">The array; the block owns it from now on.</param>
    /// <param name="count">How many of its items are elements.</param>
    /// <param name="segments">Segment start offsets and the end (one more than the segments), or null.</param>
    public ElementBlock(T[] items, int count, int[]? segments = null)
        : this(items, 0, count, segments)
    {
    }

    private ElementBlock(T[] items, int offset, int count, int[]? segments)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, items.Length - offset);
        if (segments is not null && (segments.Length == 0 || segments[0] != 0 || segments[^1] != count))
            throw new ArgumentException($"segments must run from 0 to {count}", nameof(segments));
        _items = items;
        _offset = offset;
        _count = count;
        _segments = segments;
    }

    /// <summary>A block with no elements.</summary>
    public static ElementBlock<T> Empty { get; } = new([], 0);

    public override int Count => _count;

    public override int SegmentCount => _segments is null ? 0 : _segments.Length - 1;

    /// <summary>The elements.</summary>
    public ReadOnlySpan<T> Span => new(_items, _offset, _count);

    /// <summary>The elements, as a read-only list for user code.</summary>
    public ArraySegment<T> Items => new(_items, _offset, _count);

    /// <summary>The segment offsets (starts and the end), or null.</summary>
    internal int[]? Segments => _segments;

    public override long EstimatedBytes
    {
        get
        {
            if (!RuntimeHelpers.IsReferenceOrContainsReferences<T>())
                return (long)_count * Unsafe.SizeOf<T>();
            if (_count == 0 || Columns.WhyNot is not null)
                return 16L * _count;
            int samples = Math.Min(_count, 16);
            long sum = 0;
            for (int s = 0; s < samples; s++)
                sum += Columns.Codec!.Estimate(_items[_offset + (int)((long)s * _count / samples)]);
            return sum * _count / samples;
        }
    }

    public override ElementBlock Segment(int index)
    {
        if (_segments is null || (uint)index >= (uint)(_segments.Length - 1))
            throw new ArgumentOutOfRangeException(nameof(index), $"segment {index} of a block with {SegmentCount} segments");
        return new ElementBlock<T>(_items, _offset + _segments[index], _segments[index + 1] - _segments[index], null);
    }

    public override byte[] Encode() => _encoded ??= BlockCodec.Encode(this);

    public override void EnsureEncodable()
    {
        if (Columns.WhyNot is { } reason)
            throw new NotSupportedException($"a block of {typeof(T)} cannot be sent to another process: {reason}");
    }

    public override ElementBlock<TOther> As<TOther>() => this as ElementBlock<TOther>
        ?? throw new InvalidCastException($"a block of {typeof(T).Name} where a block of {typeof(TOther).Name} was expected");

    private static class Columns
    {
        public static readonly string? WhyNot = ColumnCodecs.WhyNot<T>();
        public static readonly ColumnCodec<T>? Codec = WhyNot is null ? ColumnCodecs.For<T>() : null;
    }
}
