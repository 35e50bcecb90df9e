using System.Collections;
using System.Runtime.CompilerServices;

namespace LazyDist.Distributed.States;

/// <summary>
/// An immutable list that compares by its items, so event and instruction records holding lists
/// have value equality and tests can compare whole instruction lists (an extra or missing item fails).
/// Wraps an array without copying it: whoever builds one hands the array over and never changes it.
/// </summary>
/// <typeparam name="T">The items.</typeparam>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
internal readonly struct ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[]? _items;

    public ValueList(T[] items) => _items = items;

    /// <summary>The items as the array they live in (never to be changed).</summary>
    public T[] Items => _items ?? [];

    public int Count => _items?.Length ?? 0;

    public T this[int index] => Items[index];

    public static implicit operator ValueList<T>(T[] items) => new(items);

    public static implicit operator ValueList<T>(List<T> items) => new([.. items]);

    public ReadOnlySpan<T> AsSpan() => Items;

    public bool Equals(ValueList<T> other) => Items.AsSpan().SequenceEqual(other.Items, EqualityComparer<T>.Default);

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items)
            hash.Add(item);
        return hash.ToHashCode();
    }

    public static bool operator ==(ValueList<T> left, ValueList<T> right) => left.Equals(right);

    public static bool operator !=(ValueList<T> left, ValueList<T> right) => !left.Equals(right);

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Prints the items, so a failing test shows what an instruction held.</summary>
    public override string ToString() => typeof(T) == typeof(byte) ? $"<{Count} bytes>" : $"[{string.Join(", ", Items)}]";
}

/// <summary>Builds <see cref="ValueList{T}"/>s from collection expressions.</summary>
internal static class ValueList
{
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => new(items.ToArray());
}
