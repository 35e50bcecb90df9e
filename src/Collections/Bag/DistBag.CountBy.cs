namespace LazyDist.Collections;

public static partial class DistBag
{
    /// <summary>
    /// The number of elements per key (.NET 9's <c>CountBy</c>). Counts combine inside each partition
    /// before the shuffle, so one (key, count) per distinct key per partition moves, never every element.
    /// Keys come per output partition in the order they first came there (not LINQ's order), the same on every scheduler.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The keys cannot be hashed the same way in every process, or the comparer is not the default one.</exception>
    public static DistBag<KeyValuePair<TKey, int>> CountBy<TSource, TKey>(this DistBag<TSource> source, Func<TSource, TKey> keySelector, IEqualityComparer<TKey>? keyComparer = null)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        Check(keySelector, nameof(keySelector));
        CheckComparer(keyComparer, nameof(keyComparer));
        var combine = Stages.CombineBy<TKey, int>(Counting<TSource>.Combine);
        var partials = Combined<TSource, KeyValuePair<TKey, int>>(source, "count-by", [keySelector], Stages.CountBy(keySelector), combine);
        return Shuffled<KeyValuePair<TKey, int>, KeyValuePair<TKey, int>, KeyValuePair<TKey, int>>(partials, "count-by", [], [], Hashes.OfPairKey<TKey, int>(), [combine], source.PartitionCount);
    }

    /// <summary>
    /// Folds the elements of each key from <paramref name="seed"/> (.NET 9's <c>AggregateBy</c>). Without a
    /// combine function the elements are shuffled, then folded in order; see the overload with <c>combine</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The keys cannot be hashed the same way in every process.</exception>
    public static DistBag<KeyValuePair<TKey, TAccumulate>> AggregateBy<TSource, TKey, TAccumulate>(this DistBag<TSource> source, Func<TSource, TKey> keySelector,
        TAccumulate seed, Func<TAccumulate, TSource, TAccumulate> func, IEqualityComparer<TKey>? keyComparer = null)
        where TKey : notnull
    {
        Check(func, nameof(func));
        return source.AggregateBy(keySelector, Seeds<TKey, TAccumulate>.Constant(seed), func, keyComparer);
    }

    /// <summary>Folds the elements of each key from the seed <paramref name="seedSelector"/> gives for it (.NET 9's <c>AggregateBy</c>).</summary>
    /// <inheritdoc cref="AggregateBy{TSource, TKey, TAccumulate}(DistBag{TSource}, Func{TSource, TKey}, TAccumulate, Func{TAccumulate, TSource, TAccumulate}, IEqualityComparer{TKey}?)"/>
    public static DistBag<KeyValuePair<TKey, TAccumulate>> AggregateBy<TSource, TKey, TAccumulate>(this DistBag<TSource> source, Func<TSource, TKey> keySelector,
        Func<TKey, TAccumulate> seedSelector, Func<TAccumulate, TSource, TAccumulate> func, IEqualityComparer<TKey>? keyComparer = null)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        Check(keySelector, nameof(keySelector));
        Check(seedSelector, nameof(seedSelector));
        Check(func, nameof(func));
        CheckComparer(keyComparer, nameof(keyComparer));
        return Shuffled<TSource, TSource, KeyValuePair<TKey, TAccumulate>>(source, "aggregate-by", [keySelector, seedSelector, func],
            [], Hashes.ByKey(keySelector), [Stages.AggregateBy(keySelector, seedSelector, func)]);
    }

    /// <summary>
    /// Folds the elements of each key from <paramref name="seed"/>, first inside each partition, then merging
    /// the partial accumulators of a key with <paramref name="combine"/> (Spark's <c>reduceByKey</c>, dask's
    /// <c>foldby</c>): only one (key, accumulator) per key per partition moves. The seed must be neutral for
    /// <paramref name="combine"/>, as each partition starts from it.
    /// </summary>
    /// <inheritdoc cref="AggregateBy{TSource, TKey, TAccumulate}(DistBag{TSource}, Func{TSource, TKey}, TAccumulate, Func{TAccumulate, TSource, TAccumulate}, IEqualityComparer{TKey}?)"/>
    public static DistBag<KeyValuePair<TKey, TAccumulate>> AggregateBy<TSource, TKey, TAccumulate>(this DistBag<TSource> source, Func<TSource, TKey> keySelector,
        TAccumulate seed, Func<TAccumulate, TSource, TAccumulate> func, Func<TAccumulate, TAccumulate, TAccumulate> combine, IEqualityComparer<TKey>? keyComparer = null)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        Check(keySelector, nameof(keySelector));
        Check(func, nameof(func));
        Check(combine, nameof(combine));
        CheckComparer(keyComparer, nameof(keyComparer));
        var merge = Stages.CombineBy<TKey, TAccumulate>(combine);
        var partials = Combined<TSource, KeyValuePair<TKey, TAccumulate>>(source, "aggregate-by", [keySelector, seed, func, combine],
            Stages.AggregateBy(keySelector, Seeds<TKey, TAccumulate>.Constant(seed), func), merge);
        return Shuffled<KeyValuePair<TKey, TAccumulate>, KeyValuePair<TKey, TAccumulate>, KeyValuePair<TKey, TAccumulate>>(partials, "aggregate-by", [], [],
            Hashes.OfPairKey<TKey, TAccumulate>(), [merge], source.PartitionCount);
    }

    /// <summary>Each distinct element and how many times it occurs (dask.bag's <c>frequencies</c>), counted inside each partition first.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static DistBag<KeyValuePair<TSource, long>> Frequencies<TSource>(this DistBag<TSource> source)
        where TSource : notnull =>
        source.AggregateBy(Counting<TSource>.Identity, 0L, Counting<TSource>.AddLong, Counting<TSource>.CombineLong);

    private static class Counting<T>
    {
        public static readonly Func<T, T> Identity = static x => x;
        public static readonly Func<int, int, int> Combine = static (a, b) => checked(a + b);
        public static readonly Func<long, T, long> AddLong = static (count, _) => count + 1;
        public static readonly Func<long, long, long> CombineLong = static (a, b) => a + b;
    }

    private static class Seeds<TKey, TAccumulate>
    {
        public static Func<TKey, TAccumulate> Constant(TAccumulate seed) => _ => seed;
    }
}
