namespace LazyDist.Collections;

/// <summary>
/// What an indexer takes along one axis, as numpy's <c>x[...]</c>: a C# range (<c>10..500</c>,
/// <c>^3..</c>) or a stepped slice (<c>new Slice(null, null, -1)</c> is numpy's <c>::-1</c>),
/// which keep the axis; an index (<c>3</c>, <c>^1</c>, <c>-1</c>), which removes it; an array of
/// indices (<c>new[] { 4, 0, 2 }</c>), which picks along the axis; <see cref="NewAxis"/>, which
/// inserts an axis of length 1; and <see cref="Ellipsis"/>, which stands for every axis not named.
/// </summary>
public readonly struct Slice
{
    private readonly Index? _start;
    private readonly Index? _stop;
    private readonly long[]? _indices;

    private Slice(SliceKind kind, Index? start = null, Index? stop = null, long step = 1, long[]? indices = null)
    {
        Kind = kind;
        _start = start;
        _stop = stop;
        Step = step;
        _indices = indices;
    }

    /// <summary>A slice of numpy's <c>start:stop:step</c>; null is numpy's omitted bound, negative bounds count from the end.</summary>
    /// <exception cref="ArgumentException"><paramref name="step"/> is zero.</exception>
    public Slice(int? start, int? stop, int step = 1)
        : this(SliceKind.Range, Bound(start), Bound(stop), step)
    {
        if (step == 0)
            throw new ArgumentException("slice step cannot be zero", nameof(step));
    }

    internal SliceKind Kind { get; }

    /// <summary>The step of a slice (1 for a range).</summary>
    public long Step { get; }

    /// <summary>Whether this is a single index, which removes the axis.</summary>
    public bool IsIndex => Kind == SliceKind.Index;

    /// <summary>numpy's <c>np.newaxis</c> (<c>None</c>): a new axis of length 1.</summary>
    public static Slice NewAxis => new(SliceKind.NewAxis);

    /// <summary>numpy's <c>...</c>: as many whole axes as the other slices leave.</summary>
    public static Slice Ellipsis => new(SliceKind.Ellipsis);

    /// <summary>A range of positions.</summary>
    public static implicit operator Slice(Range range) => new(SliceKind.Range, range.Start, range.End);

    /// <summary>A single position, counted from the end with <c>^</c>.</summary>
    public static implicit operator Slice(Index index) => new(SliceKind.Index, index);

    /// <summary>A single position; negative counts from the end, as numpy.</summary>
    public static implicit operator Slice(int index) => new(SliceKind.Index, Bound(index));

    /// <summary>The positions to pick along the axis, in order (negative count from the end), as numpy's integer-array indexing.</summary>
    public static implicit operator Slice(int[] indices) => new(SliceKind.Indices, indices: [.. (indices ?? throw new ArgumentNullException(nameof(indices))).Select(i => (long)i)]);

    /// <summary>The positions to pick along the axis, in order.</summary>
    public static implicit operator Slice(long[] indices) => new(SliceKind.Indices, indices: (long[])(indices ?? throw new ArgumentNullException(nameof(indices))).Clone());

    /// <summary>A range of positions (the named alternative to the conversion).</summary>
    public static Slice FromRange(Range range) => range;

    /// <summary>A single position (the named alternative to the conversion).</summary>
    public static Slice FromIndex(Index index) => index;

    /// <summary>Positions to pick (the named alternative to the conversion).</summary>
    public static Slice FromIndices(long[] indices) => indices;

    /// <summary>Where the selection starts, its step and its length, on an axis of <paramref name="length"/> (numpy's slice rules).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the axis; the message names it.</exception>
    internal (long Start, long Step, long Count) Resolve(long length, int axis)
    {
        if (Kind == SliceKind.Index)
        {
            var index = _start!.Value;
            long at = index.IsFromEnd ? length - index.Value : index.Value;
            if (at < 0 || at >= length)
                throw new ArgumentOutOfRangeException(nameof(axis), $"index {(index.IsFromEnd ? "^" + index.Value : index.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))} is out of bounds for axis {axis} with size {length}");
            return (at, 1, 1);
        }
        if (Step > 0)
        {
            long start = Math.Clamp(Position(_start, length, 0), 0, length), stop = Math.Clamp(Position(_stop, length, length), 0, length);
            return (start, Step, stop > start ? (stop - start + Step - 1) / Step : 0);
        }
        long first = Math.Clamp(Position(_start, length, length - 1), -1, length - 1), end = Math.Clamp(Position(_stop, length, -1), -1, length - 1);
        return (first, Step, first > end ? (first - end - Step - 1) / -Step : 0);
    }

    /// <summary>The indices of an index array on an axis of <paramref name="length"/>, negative ones counted from the end.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the axis; the message names it.</exception>
    internal long[] ResolveIndices(long length, int axis) =>
        [.. _indices!.Select(i => i < -length || i >= length
            ? throw new ArgumentOutOfRangeException(nameof(axis), $"index {i} is out of bounds for axis {axis} with size {length}")
            : i < 0 ? i + length : i)];

    /// <summary>A bound as a position (<paramref name="absent"/> for numpy's omitted one), not yet clamped.</summary>
    private static long Position(Index? bound, long length, long absent) =>
        bound is not { } b ? absent : b.IsFromEnd ? length - b.Value : b.Value;

    private static Index? Bound(int? value) => value switch
    {
        null => null,
        < 0 => Index.FromEnd(-value.Value),
        _ => Index.FromStart(value.Value),
    };
}

/// <summary>The kinds of <see cref="Slice"/>.</summary>
internal enum SliceKind
{
    Range,
    Index,
    NewAxis,
    Ellipsis,
    Indices,
}
