namespace LazyDist.Collections;

public static partial class DistBag
{
    /// <summary>Projects each element (LINQ's <c>Select</c>); fused with neighbouring narrow operators.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static DistBag<TResult> Select<TSource, TResult>(this DistBag<TSource> source, Func<TSource, TResult> selector)
    {
        ArgumentNullException.ThrowIfNull(source);
        Check(selector, nameof(selector));
        return Narrow<TSource, TResult>(source, "select", Stages.Select(selector), selector);
    }

    /// <summary>Keeps the elements that satisfy <paramref name="predicate"/> (LINQ's <c>Where</c>); fused with neighbouring narrow operators.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static DistBag<TSource> Where<TSource>(this DistBag<TSource> source, Func<TSource, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(source);
        Check(predicate, nameof(predicate));
        return Narrow<TSource, TSource>(source, "where", Stages.Where(predicate), predicate);
    }

    /// <summary>Flattens what <paramref name="selector"/> makes of each element (LINQ's <c>SelectMany</c>); fused with neighbouring narrow operators.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static DistBag<TResult> SelectMany<TSource, TResult>(this DistBag<TSource> source, Func<TSource, IEnumerable<TResult>> selector)
    {
        ArgumentNullException.ThrowIfNull(source);
        Check(selector, nameof(selector));
        return Narrow<TSource, TResult>(source, "select-many", Stages.SelectMany(selector), selector);
    }

    /// <summary>
    /// Flattens what <paramref name="collectionSelector"/> makes of each element, pairing each with its
    /// element through <paramref name="resultSelector"/> (what a second <c>from</c> in query syntax compiles to).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static DistBag<TResult> SelectMany<TSource, TCollection, TResult>(this DistBag<TSource> source,
        Func<TSource, IEnumerable<TCollection>> collectionSelector, Func<TSource, TCollection, TResult> resultSelector)
    {
        ArgumentNullException.ThrowIfNull(source);
        Check(collectionSelector, nameof(collectionSelector));
        Check(resultSelector, nameof(resultSelector));
        return Narrow<TSource, TResult>(source, "select-many", Stages.SelectMany(collectionSelector, resultSelector), collectionSelector, resultSelector);
    }

    /// <summary>Applies <paramref name="mapper"/> to each partition's elements as a whole (dask's <c>map_partitions</c>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static DistBag<TResult> MapPartitions<TSource, TResult>(this DistBag<TSource> source, Func<IEnumerable<TSource>, IEnumerable<TResult>> mapper)
    {
        ArgumentNullException.ThrowIfNull(source);
        Check(mapper, nameof(mapper));
        return Narrow<TSource, TResult>(source, "map-partitions", Stages.MapPartitions(mapper), mapper);
    }
}
