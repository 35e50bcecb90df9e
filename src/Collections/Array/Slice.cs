namespace LazyDist.Collections;

/// <summary>
/// What an indexer takes along one axis: a C# range (<c>10..500</c>, <c>..</c>, <c>^3..</c>),
/// which keeps the axis, or an index (<c>3</c>, <c>^1</c>), which removes it — as numpy's
/// <c>x[10:500]</c> and <c>x[:, 3]</c>.
/// </summary>
public readonly struct Slice
{
    private readonly Index _index;

    private Slice(Range range, bool isIndex, Index index = default)
    {
        Range = range;
        IsIndex = isIndex;
        _index = index;
    }

    /// <summary>The positions selected (one position for an index).</summary>
    public Range Range { get; }

    /// <summary>Whether this is a single index, which removes the axis.</summary>
    public bool IsIndex { get; }

    /// <summary>A range of positions.</summary>
    public static implicit operator Slice(Range range) => new(range, false);

    /// <summary>A single position, counted from the end with <c>^</c>.</summary>
    public static implicit operator Slice(Index index) =>
        new(index.IsFromEnd ? (index.Value <= 1 ? new Range(index, Index.End) : new Range(index, Index.FromEnd(index.Value - 1))) : new Range(index, index.Value + 1), true, index);

    /// <summary>A single position; negative counts from the end, as numpy.</summary>
    public static implicit operator Slice(int index) => index < 0 ? (Index)Index.FromEnd(-index) : (Index)index;

    /// <summary>A range of positions (the named alternative to the conversion).</summary>
    public static Slice FromRange(Range range) => range;

    /// <summary>A single position (the named alternative to the conversion).</summary>
    public static Slice FromIndex(Index index) => index;

    /// <summary>Where the selection starts and its length, on an axis of <paramref name="length"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the axis; the message names it.</exception>
    internal (long Start, long Count) Resolve(long length, int axis)
    {
        long start = Range.Start.IsFromEnd ? length - Range.Start.Value : Range.Start.Value;
        long end = Range.End.IsFromEnd ? length - Range.End.Value : Range.End.Value;
        if (IsIndex)
        {
            if (start < 0 || start >= length)
                throw new ArgumentOutOfRangeException(nameof(axis), $"index {(_index.IsFromEnd ? "^" + _index.Value : _index.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))} is out of bounds for axis {axis} with size {length}");
            return (start, 1);
        }
        // Ranges clamp, as numpy slices do.
        start = Math.Clamp(start, 0, length);
        end = Math.Clamp(end, start, length);
        return (start, end - start);
    }
}
