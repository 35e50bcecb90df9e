using System.Collections;

namespace LazyDist.Distributed.States;

/// <summary>
/// A set that holds one item without allocating and spills to a <see cref="HashSet{T}"/> beyond
/// that: most tasks have one holder, one dependent, one client or none, and a graph of a million
/// tasks should not cost a million empty hash sets. A mutable struct: keep it in a field and reach
/// it by reference (<c>ref</c> properties), never copy it to change it. Iterating while changing it
/// is not allowed.
/// </summary>
/// <typeparam name="T">The items.</typeparam>
internal struct SmallSet<T> : IEnumerable<T>
    where T : notnull
{
    private T? _one;
    private bool _hasOne;
    private HashSet<T>? _many;

    public readonly int Count => _many?.Count ?? (_hasOne ? 1 : 0);

    public bool Add(T item)
    {
        if (_many is not null)
            return _many.Add(item);
        if (!_hasOne)
        {
            _one = item;
            _hasOne = true;
            return true;
        }
        if (EqualityComparer<T>.Default.Equals(_one, item))
            return false;
        _many = [_one!, item];
        _one = default;
        _hasOne = false;
        return true;
    }

    public bool Remove(T item)
    {
        if (_many is not null)
            return _many.Remove(item);
        if (!_hasOne || !EqualityComparer<T>.Default.Equals(_one, item))
            return false;
        _one = default;
        _hasOne = false;
        return true;
    }

    public readonly bool Contains(T item) =>
        _many?.Contains(item) ?? (_hasOne && EqualityComparer<T>.Default.Equals(_one, item));

    public void Clear()
    {
        _many = null;
        _one = default;
        _hasOne = false;
    }

    /// <summary>The items, copied (for changing the set while going through them).</summary>
    public readonly T[] ToArray() => _many is not null ? [.. _many] : _hasOne ? [_one!] : [];

    public readonly Enumerator GetEnumerator() => new(this);

    readonly IEnumerator<T> IEnumerable<T>.GetEnumerator() => _many?.GetEnumerator() ?? (IEnumerator<T>)((IEnumerable<T>)ToArray()).GetEnumerator();

    readonly IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<T>)this).GetEnumerator();

    /// <summary>Goes through the items without allocating.</summary>
    public struct Enumerator
    {
        private readonly T? _one;
        private readonly bool _hasOne;
        private HashSet<T>.Enumerator _many;
        private readonly bool _useMany;
        private int _state;

        internal Enumerator(SmallSet<T> set)
        {
            _one = set._one;
            _hasOne = set._hasOne;
            _useMany = set._many is not null;
            _many = _useMany ? set._many!.GetEnumerator() : default;
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
            if (_state++ == 0 && _hasOne)
            {
                Current = _one!;
                return true;
            }
            return false;
        }
    }
}
