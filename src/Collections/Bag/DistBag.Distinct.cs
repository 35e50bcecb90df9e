namespace LazyDist.Collections;

public static partial class DistBag
{
    /// <summary>
    /// The distinct elements (LINQ's <c>Distinct</c>): duplicates are dropped inside each partition, then
    /// the survivors are shuffled by a stable hash and dropped again. Each output partition keeps the first
    /// of equal elements, in the order they came (not LINQ's order overall), the same on every scheduler.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException">The elements cannot be hashed the same way in every process.</exception>
    public static DistBag<TSource> Distinct<TSource>(this DistBag<TSource> source) => source.DistinctBy(Identity<TSource>.Function);

    /// <summary>The first element of each distinct key (LINQ's <c>DistinctBy</c>), combined inside each partition first.</summary>
    /// <inheritdoc cref="Distinct{TSource}(DistBag{TSource})"/>
    public static DistBag<TSource> DistinctBy<TSource, TKey>(this DistBag<TSource> source, Func<TSource, TKey> keySelector)
    {
        ArgumentNullException.ThrowIfNull(source);
        Check(keySelector, nameof(keySelector));
        StableHash<TKey>.EnsureSupported(nameof(keySelector));
        var distinct = Stages.Distinct<TSource, TKey>(keySelector);
        return Shuffled<TSource, TSource, TSource>(source, "distinct", [keySelector], [distinct], Hashes.ByKey(keySelector), [distinct]);
    }

    /// <summary>The distinct elements of both bags (LINQ's <c>Union</c>: <c>Concat</c>, then <c>Distinct</c>).</summary>
    /// <inheritdoc cref="Distinct{TSource}(DistBag{TSource})"/>
    public static DistBag<TSource> Union<TSource>(this DistBag<TSource> first, DistBag<TSource> second) => first.Concat(second).Distinct();

    /// <summary>The distinct elements of <paramref name="first"/> that are also in <paramref name="second"/> (LINQ's <c>Intersect</c>), both shuffled by a stable hash.</summary>
    /// <inheritdoc cref="Distinct{TSource}(DistBag{TSource})"/>
    public static DistBag<TSource> Intersect<TSource>(this DistBag<TSource> first, DistBag<TSource> second) =>
        SetOperation(first, second, "intersect", PairedSources.Intersect);

    /// <summary>The distinct elements of <paramref name="first"/> that are not in <paramref name="second"/> (LINQ's <c>Except</c>), both shuffled by a stable hash.</summary>
    /// <inheritdoc cref="Distinct{TSource}(DistBag{TSource})"/>
    public static DistBag<TSource> Except<TSource>(this DistBag<TSource> first, DistBag<TSource> second) =>
        SetOperation(first, second, "except", PairedSources.Except);

    private static DistBag<TSource> SetOperation<TSource>(DistBag<TSource> first, DistBag<TSource> second, string operation,
        Func<IEnumerable<TSource>, IEnumerable<TSource>, Sink<TSource>, bool> run)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        StableHash<TSource>.EnsureSupported(nameof(first));
        var distinct = Stages.Distinct<TSource, TSource>(Identity<TSource>.Function);
        return Paired<TSource, TSource, TSource, TSource, TSource>(first, second, operation, [], [distinct], Hashes.Of<TSource>(), [distinct], Hashes.Of<TSource>(), run, []);
    }
}
