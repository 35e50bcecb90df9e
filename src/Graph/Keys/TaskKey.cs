using System.Globalization;

namespace LazyDist.Graph;

/// <summary>
/// The name of one task in a graph: a name plus an optional integer index, like dask's
/// <c>"total"</c> or <c>("x", 3)</c>. Keys compare by value and print the way dask prints them.
/// </summary>
public readonly struct TaskKey : IEquatable<TaskKey>, IComparable<TaskKey>
{
    private readonly string? _name;
    private readonly int _index;

    /// <summary>Creates a key with a name only.</summary>
    /// <param name="name">The key's name; not empty.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    public TaskKey(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _name = name;
        _index = -1;
    }

    /// <summary>Creates a key with a name and an index, like dask's <c>("x", 3)</c>.</summary>
    /// <param name="name">The key's name; not empty.</param>
    /// <param name="index">The index; zero or more.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public TaskKey(string name, int index)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        _name = name;
        _index = index;
    }

    /// <summary>The key's name.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>The key's index, or <see langword="null"/> for a plain name.</summary>
    public int? Index => _index >= 0 ? _index : null;

    /// <summary>Whether this is the default (empty) key, which no graph may hold.</summary>
    public bool IsEmpty => _name is null;

    /// <summary>A plain-name key.</summary>
    public static implicit operator TaskKey(string name) => new(name);

    /// <summary>A named, indexed key: <c>("x", 3)</c>.</summary>
    public static implicit operator TaskKey((string Name, int Index) key) => new(key.Name, key.Index);

    /// <summary>Creates a plain-name key (the named alternative to the implicit conversion).</summary>
    public static TaskKey FromString(string name) => new(name);

    /// <inheritdoc/>
    public bool Equals(TaskKey other) => _index == other._index && string.Equals(_name, other._name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TaskKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_name is null ? 0 : StringComparer.Ordinal.GetHashCode(_name), _index);

    /// <summary>Orders by name, then by index (a plain name first).</summary>
    public int CompareTo(TaskKey other)
    {
        int byName = string.CompareOrdinal(_name, other._name);
        return byName != 0 ? byName : _index.CompareTo(other._index);
    }

    /// <summary>Prints <c>'x'</c> or <c>('x', 3)</c>.</summary>
    public override string ToString() =>
        _index >= 0 ? string.Create(CultureInfo.InvariantCulture, $"('{_name}', {_index})") : $"'{_name}'";

    /// <summary>Value equality.</summary>
    public static bool operator ==(TaskKey left, TaskKey right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(TaskKey left, TaskKey right) => !left.Equals(right);

    /// <summary>Ordinal order.</summary>
    public static bool operator <(TaskKey left, TaskKey right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal order.</summary>
    public static bool operator >(TaskKey left, TaskKey right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal order.</summary>
    public static bool operator <=(TaskKey left, TaskKey right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal order.</summary>
    public static bool operator >=(TaskKey left, TaskKey right) => left.CompareTo(right) >= 0;
}
