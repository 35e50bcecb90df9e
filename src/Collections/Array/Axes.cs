using System.Collections;
using System.Runtime.CompilerServices;

namespace LazyDist.Collections;

// Errors name the user's argument of the public method that called here.
#pragma warning disable CA2208

/// <summary>
/// The axes a reduction runs along, as numpy's <c>axis=</c>: one axis (<c>0</c>, or <c>-1</c> for
/// the last) or several (<c>[0, 2]</c>).
/// </summary>
[CollectionBuilder(typeof(Axes), nameof(Create))]
public readonly struct Axes : IEquatable<Axes>, IEnumerable<int>
{
    private readonly int[]? _axes;

    private Axes(int[] axes) => _axes = axes;

    /// <summary>The axes as given (negative ones count from the end).</summary>
    public IReadOnlyList<int> Values => _axes ?? [];

    /// <summary>One axis.</summary>
    public static implicit operator Axes(int axis) => new([axis]);

    /// <summary>Several axes.</summary>
    public static implicit operator Axes(int[] axes) => new((int[])(axes ?? throw new ArgumentNullException(nameof(axes))).Clone());

    /// <summary>Several axes, from a collection expression such as <c>[0, 2]</c>.</summary>
    public static Axes Create(ReadOnlySpan<int> axes) => new(axes.ToArray());

    /// <summary>One axis (the named alternative to the conversion).</summary>
    public static Axes FromAxis(int axis) => axis;

    /// <summary>The axes for an array of <paramref name="rank"/>, from the first, each once.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range.</exception>
    /// <exception cref="ArgumentException">An axis is given twice (numpy's "duplicate value in 'axis'").</exception>
    internal int[] Normalize(int rank)
    {
        var result = Values.Select(a => Shapes.NormalizeAxis(a, rank)).ToArray();
        if (result.Distinct().Count() != result.Length)
            throw new ArgumentException($"duplicate value in 'axis': ({string.Join(", ", Values)})", "axis");
        Array.Sort(result);
        return result;
    }

    /// <summary>The axes as given.</summary>
    public IEnumerator<int> GetEnumerator() => Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(Axes other) => Values.SequenceEqual(other.Values);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Axes other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Values.Aggregate(17, (h, a) => h * 31 + a);

    /// <summary>Whether both name the same axes in the same order.</summary>
    public static bool operator ==(Axes left, Axes right) => left.Equals(right);

    /// <summary>Whether they differ.</summary>
    public static bool operator !=(Axes left, Axes right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => $"({string.Join(", ", Values)})";
}
