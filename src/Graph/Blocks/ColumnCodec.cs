namespace LazyDist.Graph.Blocks;

/// <summary>
/// Writes and reads a column: the values of one type for every element of a block, side by side
/// (numbers as their raw bytes, strings as lengths and one run of UTF-8, records member by member).
/// Made once per type by <see cref="ColumnCodecs"/> with compiled accessors, never reflection per element.
/// </summary>
/// <typeparam name="T">The type of the values.</typeparam>
internal abstract class ColumnCodec<T>
{
    /// <summary>A description of the layout, the same in every process for the same type; blocks carry its hash.</summary>
    public abstract string Schema { get; }

    /// <summary>Writes <paramref name="values"/>.</summary>
    /// <exception cref="NotSupportedException">A value cannot be written (an element of a derived type); the message says why.</exception>
    public abstract void Write(ReadOnlySpan<T> values, BlockWriter writer);

    /// <summary>Reads as many values as <paramref name="into"/> holds.</summary>
    /// <exception cref="FormatException">The bytes are not such a column.</exception>
    public abstract void Read(ref BlockReader reader, Span<T> into);

    /// <summary>About how many bytes <paramref name="value"/> takes in memory.</summary>
    public abstract long Estimate(T value);
}
