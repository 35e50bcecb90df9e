namespace LazyDist.Collections;

public static partial class DistBag
{
    /// <summary>
    /// Groups the elements by key (LINQ's <c>GroupBy</c>): the elements are shuffled by a stable hash of the key,
    /// so each group is whole in one partition, its elements in their original order. Groups come per
    /// partition in the order their keys first came there (not LINQ's order), the same on every scheduler.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The keys cannot be hashed the same way in every process.</exception>
    public static DistBag<IGrouping<TKey, TSource>> GroupBy<TSource, TKey>(this DistBag<TSource> source, Func<TSource, TKey> keySelector) =>
        source.GroupBy(keySelector, Identity<TSource>.Function);

    /// <summary>Groups the elements' projections by key (what <c>group e.X by e.K</c> compiles to).</summary>
    /// <inheritdoc cref="GroupBy{TSource, TKey}(DistBag{TSource}, Func{TSource, TKey})"/>
    public static DistBag<IGrouping<TKey, TElement>> GroupBy<TSource, TKey, TElement>(this DistBag<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector)
    {
        ArgumentNullException.ThrowIfNull(source);
        Check(keySelector, nameof(keySelector));
        Check(elementSelector, nameof(elementSelector));
        StableHash<TKey>.EnsureSupported(nameof(keySelector));
        return Shuffled<TSource, TSource, IGrouping<TKey, TElement>>(source, "group-by", [keySelector, elementSelector],
            [], Hashes.ByKey(keySelector), [Stages.Group(keySelector, elementSelector)]);
    }

    /// <summary>Groups the elements by key and makes one result per group.</summary>
    /// <inheritdoc cref="GroupBy{TSource, TKey}(DistBag{TSource}, Func{TSource, TKey})"/>
    public static DistBag<TResult> GroupBy<TSource, TKey, TResult>(this DistBag<TSource> source, Func<TSource, TKey> keySelector, Func<TKey, IEnumerable<TSource>, TResult> resultSelector) =>
        source.GroupBy(keySelector, Identity<TSource>.Function, resultSelector);

    /// <summary>Groups the elements' projections by key and makes one result per group.</summary>
    /// <inheritdoc cref="GroupBy{TSource, TKey}(DistBag{TSource}, Func{TSource, TKey})"/>
    public static DistBag<TResult> GroupBy<TSource, TKey, TElement, TResult>(this DistBag<TSource> source, Func<TSource, TKey> keySelector,
        Func<TSource, TElement> elementSelector, Func<TKey, IEnumerable<TElement>, TResult> resultSelector)
    {
        Check(resultSelector, nameof(resultSelector));
        return source.GroupBy(keySelector, elementSelector).Select(Results<TKey, TElement, TResult>.Of(resultSelector));
    }

    private static class Identity<T>
    {
        public static readonly Func<T, T> Function = static x => x;
    }

    private static class Results<TKey, TElement, TResult>
    {
        public static Func<IGrouping<TKey, TElement>, TResult> Of(Func<TKey, IEnumerable<TElement>, TResult> resultSelector) => g => resultSelector(g.Key, g);
    }
}
