namespace LazyDist.Collections;

public static partial class DistBag
{
    /// <summary>The smallest element by <see cref="Comparer{T}.Default"/> (LINQ's <c>Min</c>: nulls are skipped; an empty bag fails for value types and gives null otherwise).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static Delayed<TSource> Min<TSource>(this DistBag<TSource> source) => Extreme(source, "min", Identity<TSource>.Function, -1);

    /// <summary>The largest element by <see cref="Comparer{T}.Default"/> (LINQ's <c>Max</c>).</summary>
    /// <inheritdoc cref="Min{TSource}(DistBag{TSource})"/>
    public static Delayed<TSource> Max<TSource>(this DistBag<TSource> source) => Extreme(source, "max", Identity<TSource>.Function, 1);

    /// <summary>The smallest projection of the elements.</summary>
    /// <inheritdoc cref="Min{TSource}(DistBag{TSource})"/>
    public static Delayed<TResult> Min<TSource, TResult>(this DistBag<TSource> source, Func<TSource, TResult> selector) => source.Select(selector).Min();

    /// <summary>The largest projection of the elements.</summary>
    /// <inheritdoc cref="Min{TSource}(DistBag{TSource})"/>
    public static Delayed<TResult> Max<TSource, TResult>(this DistBag<TSource> source, Func<TSource, TResult> selector) => source.Select(selector).Max();

    /// <summary>The element with the smallest key (LINQ's <c>MinBy</c>; the first of equal ones).</summary>
    /// <inheritdoc cref="Min{TSource}(DistBag{TSource})"/>
    public static Delayed<TSource> MinBy<TSource, TKey>(this DistBag<TSource> source, Func<TSource, TKey> keySelector) => Extreme(source, "min-by", keySelector, -1);

    /// <summary>The element with the largest key (LINQ's <c>MaxBy</c>; the first of equal ones).</summary>
    /// <inheritdoc cref="Min{TSource}(DistBag{TSource})"/>
    public static Delayed<TSource> MaxBy<TSource, TKey>(this DistBag<TSource> source, Func<TSource, TKey> keySelector) => Extreme(source, "max-by", keySelector, 1);

    private static Delayed<TSource> Extreme<TSource, TKey>(DistBag<TSource> source, string operation, Func<TSource, TKey> keySelector, int sign)
    {
        ArgumentNullException.ThrowIfNull(source);
        Check(keySelector, nameof(keySelector));
        var better = Extremes<TSource, TKey>.Better(keySelector, sign);
        return BagReduction.Of(source, operation, [keySelector], default((bool, TSource)), Extremes<TSource, TKey>.Fold(better), null,
            Extremes<TSource, TKey>.Merge(better), Options<TSource>.OrNullOrThrow);
    }

    private static class Extremes<T, TKey>
    {
        /// <summary>Whether a candidate replaces the current extreme: strictly better keys only, so the first of equal ones stays; null keys never win.</summary>
        public static Func<T, T, bool> Better(Func<T, TKey> key, int sign) => (candidate, current) =>
        {
            var k = key(candidate);
            return k is not null && Comparer<TKey>.Default.Compare(k, key(current)) * sign > 0;
        };

        public static Func<(bool, T), T, (bool, T)> Fold(Func<T, T, bool> better) => (o, x) =>
            x is null ? o : !o.Item1 || better(x, o.Item2) ? (true, x) : o;

        public static Func<(bool, T), (bool, T), (bool, T)> Merge(Func<T, T, bool> better) => (a, b) =>
            !b.Item1 ? a : !a.Item1 || better(b.Item2, a.Item2) ? b : a;
    }
}
