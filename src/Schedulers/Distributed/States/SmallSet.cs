using System.Collections;

namespace LazyDist.Distributed.States;

/// <summary>
/// A set in one field that holds one item without allocating (a value type's item is boxed) and
/// spills to a <see cref="HashSet{T}"/> beyond that: most tasks have one holder, one dependent, one client or none, and a graph of a million
/// tasks should not cost a million empty hash sets. A mutable struct: keep it in a field and reach
/// it by reference (<c>ref</c> properties), never copy it to change it. Iterating while changing it
/// is not allowed.
/// </summary>
/// <typeparam name="T">The items.</typeparam>
internal struct SmallSet<T> : IEnumerable<T>
    where T : notnull
{
    /// <summary>Null when empty, the item itself when one, a <see cref="HashSet{T}"/> when more.</summary>
    private object? _items;

    public readonly int Count => _items switch
    {
        null => 0,
        HashSet<T> many => many.Count,
        _ => 1,
    };

    public bool Add(T item)
    {
        switch (_items)
        {
            case null:
                _items = item;
                return true;
            case HashSet<T> many:
                return many.Add(item);
            default:
                var one = (T)_items;
                if (EqualityComparer<T>.Default.Equals(one, item))
                    return false;
                _items = new HashSet<T> { one, item };
                return true;
        }
    }

    public bool Remove(T item)
    {
        switch (_items)
        {
            case null:
                return false;
            case HashSet<T> many:
                return many.Remove(item);
            default:
                if (!EqualityComparer<T>.Default.Equals((T)_items, item))
                    return false;
                _items = null;
                return true;
        }
    }

    public readonly bool Contains(T item) => _items switch
    {
        null => false,
        HashSet<T> many => many.Contains(item),
        _ => EqualityComparer<T>.Default.Equals((T)_items, item),
    };

    public void Clear() => _items = null;

    /// <summary>The items, copied (for changing the set while going through them).</summary>
    public readonly T[] ToArray() => _items switch
    {
        null => [],
        HashSet<T> many => [.. many],
        _ => [(T)_items],
    };

    public readonly Enumerator GetEnumerator() => new(_items);

    readonly IEnumerator<T> IEnumerable<T>.GetEnumerator() => _items is HashSet<T> many ? many.GetEnumerator() : ((IEnumerable<T>)ToArray()).GetEnumerator();

    readonly IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<T>)this).GetEnumerator();

    /// <summary>Goes through the items without allocating.</summary>
    public struct Enumerator
    {
        private readonly object? _one;
        private HashSet<T>.Enumerator _many;
        private readonly bool _useMany;
        private int _state;

        internal Enumerator(object? items)
        {
            _useMany = items is HashSet<T>;
            _many = _useMany ? ((HashSet<T>)items!).GetEnumerator() : default;
            _one = _useMany ? null : items;
            _state = 0;
            Current = default!;
        }

        public T Current { get; private set; }

        public bool MoveNext()
        {
            if (_useMany)
            {
                bool moved = _many.MoveNext();
                Current = moved ? _many.Current : default!;
                return moved;
            }
            if (_state++ == 0 && _one is not null)
            {
                Current = (T)_one;
                return true;
            }
            return false;
        }
    }
}
