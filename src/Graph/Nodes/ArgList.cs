namespace LazyDist.Graph;

/// <summary>
/// A list of arguments that a task receives as one array (dask's list of keys in a task tuple).
/// Items may be literals, references or nested lists.
/// </summary>
public sealed class ArgList : TaskArg
{
    private readonly TaskArg[] _items;

    /// <summary>A list of <paramref name="items"/>.</summary>
    public ArgList(IEnumerable<TaskArg> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = [.. items];
        foreach (var item in _items)
            ArgumentNullException.ThrowIfNull(item, nameof(items));
    }

    /// <summary>A list of references to <paramref name="keys"/>.</summary>
    public static ArgList OfRefs(IEnumerable<TaskKey> keys) => new(keys.Select(k => (TaskArg)new TaskRef(k)));

    /// <summary>The items.</summary>
    public IReadOnlyList<TaskArg> Items => _items;

    internal override void CollectReferences(List<TaskKey> into)
    {
        foreach (var item in _items)
            item.CollectReferences(into);
    }

    internal override object? Resolve(Func<TaskKey, object?> valueOf)
    {
        var values = new object?[_items.Length];
        for (int i = 0; i < values.Length; i++)
            values[i] = _items[i].Resolve(valueOf);
        return values;
    }

    /// <inheritdoc/>
    public override string ToString() => $"[{string.Join(", ", _items.Take(4))}{(_items.Length > 4 ? $", ... {_items.Length} items" : "")}]";
}
