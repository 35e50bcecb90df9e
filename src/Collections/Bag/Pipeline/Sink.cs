namespace LazyDist.Collections;

/// <summary>
/// One step of a partition's fused pipeline: elements are pushed through the chain of sinks one at a
/// time (no list between steps), and <see cref="Complete"/> flows down the chain once the source is done.
/// </summary>
/// <typeparam name="T">The type of the elements it receives.</typeparam>
internal abstract class Sink<T>
{
    /// <summary>Receives one element; false when nothing more is wanted (the source stops reading).</summary>
    public abstract bool Push(T item);

    /// <summary>No more elements: flush what is buffered downstream, then complete the next sink.</summary>
    public abstract void Complete();
}

/// <summary>The last sink of a pipeline: it makes the task's value.</summary>
internal interface ITerminal
{
    /// <summary>The task's value, once completed.</summary>
    object? Result { get; }

    /// <summary>Whether it wants nothing at all (a <c>Take</c> whose count is already reached): the source is not read.</summary>
    bool Satisfied => false;
}

/// <summary>Elements appended to a growing array, which a block then owns without a copy.</summary>
internal struct ItemBuffer<T>
{
    private T[] _items;

    public ItemBuffer(int capacity) => _items = capacity == 0 ? [] : new T[capacity];

    public int Count { get; private set; }

    public readonly ReadOnlySpan<T> Span => new(_items ?? [], 0, Count);

    public void Add(T item)
    {
        if (_items is null || Count == _items.Length)
            Array.Resize(ref _items, Math.Max(16, (_items?.Length ?? 0) * 2));
        _items[Count++] = item;
    }

    public readonly Graph.Blocks.ElementBlock<T> ToBlock() => new(_items ?? [], Count);
}
