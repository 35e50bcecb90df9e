namespace LazyDist.Collections;

/// <summary>
/// Small built-in operations on numbers (dask's <c>operator.add</c>, <c>sum</c>): usable in
/// hand-built graphs and <c>Delayed.Call</c> on any scheduler, including remote workers, because
/// they travel by name.
/// </summary>
public static class Scalars
{
    /// <summary><paramref name="value"/> + 1.</summary>
    public static long Increment(long value) => value + 1;

    /// <summary><paramref name="left"/> + <paramref name="right"/>.</summary>
    public static long Add(long left, long right) => left + right;

    /// <summary>The sum of <paramref name="values"/>, in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public static long Sum(long[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        long total = 0;
        foreach (long value in values)
            total += value;
        return total;
    }
}
