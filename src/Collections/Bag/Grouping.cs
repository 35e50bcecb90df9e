using System.Collections;

namespace LazyDist.Collections;

/// <summary>A group of a bag's <c>GroupBy</c>: its key and its elements in the order they came.</summary>
/// <param name="key">The key all its elements share.</param>
/// <param name="elements">The elements with that key, in the order they came.</param>
internal sealed class Grouping<TKey, TElement>(TKey key, TElement[] elements) : IGrouping<TKey, TElement>, IReadOnlyList<TElement>
{
    public TKey Key { get; } = key;

    public TElement[] Elements { get; } = elements;

    public int Count => Elements.Length;

    public TElement this[int index] => Elements[index];

    public IEnumerator<TElement> GetEnumerator() => ((IEnumerable<TElement>)Elements).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{Key}: {Elements.Length} elements";
}
