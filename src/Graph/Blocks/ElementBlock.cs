namespace LazyDist.Graph.Blocks;

/// <summary>
/// A block of elements that is one task's value and travels as one (a bag's partition, or a split
/// partition's buckets as segments): encoded column by column (see <see cref="BlockCodec"/>), never
/// element by element. What arrives from another process stays bytes (an <see cref="EncodedBlock"/>)
/// until a task that knows the element type reads it, and is passed on to peers as the same bytes.
/// </summary>
internal abstract class ElementBlock
{
    private protected ElementBlock()
    {
    }

    /// <summary>The number of elements.</summary>
    public abstract int Count { get; }

    /// <summary>How many segments the block is cut into (a split partition's buckets), or 0.</summary>
    public abstract int SegmentCount { get; }

    /// <summary>About how many bytes the elements take, for placing tasks near their data.</summary>
    public abstract long EstimatedBytes { get; }

    /// <summary>Segment <paramref name="index"/> as a block of its own, without copying elements or bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">There is no such segment.</exception>
    public abstract ElementBlock Segment(int index);

    /// <summary>The block's bytes (made once).</summary>
    /// <exception cref="NotSupportedException">The element type has no block form; the message names it and why.</exception>
    public abstract byte[] Encode();

    /// <summary>Throws when <see cref="Encode"/> would, without encoding.</summary>
    /// <exception cref="NotSupportedException">The element type has no block form.</exception>
    public abstract void EnsureEncodable();

    /// <summary>This block with elements of type <typeparamref name="T"/>, decoded when it came as bytes.</summary>
    /// <exception cref="InvalidCastException">It holds elements of another type.</exception>
    /// <exception cref="FormatException">Its bytes are not a block of <typeparamref name="T"/>.</exception>
    public abstract ElementBlock<T> As<T>();

    /// <summary>A block as it came off the wire: kept as bytes until read.</summary>
    /// <exception cref="FormatException">The bytes do not start as a block.</exception>
    public static ElementBlock FromWire(byte[] payload) => new EncodedBlock(payload);

    /// <summary>The block of <typeparamref name="T"/> that <paramref name="value"/> is.</summary>
    /// <exception cref="InvalidCastException">The value is not such a block; the message names what it is.</exception>
    public static ElementBlock<T> Of<T>(object? value) => value is ElementBlock block
        ? block.As<T>()
        : throw new InvalidCastException($"a {value?.GetType().Name ?? "null"} where a block of {typeof(T).Name} was expected");
}
