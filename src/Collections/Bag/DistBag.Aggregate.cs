namespace LazyDist.Collections;

public static partial class DistBag
{
    /// <summary>
    /// Folds every partition from <paramref name="seed"/> with <paramref name="func"/>, then merges the
    /// partitions' accumulators in partition order with <paramref name="combine"/> (LINQ's <c>Aggregate</c>
    /// made parallel; the seed must be neutral for <paramref name="combine"/>, and a value, not an object
    /// the functions change, as every partition starts from it).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Delayed<TAccumulate> Aggregate<TSource, TAccumulate>(this DistBag<TSource> source, TAccumulate seed,
        Func<TAccumulate, TSource, TAccumulate> func, Func<TAccumulate, TAccumulate, TAccumulate> combine)
    {
        ArgumentNullException.ThrowIfNull(source);
        Check(func, nameof(func));
        Check(combine, nameof(combine));
        return BagReduction.Of(source, "aggregate", [seed, func, combine], seed, func, null, combine, Options<TAccumulate>.Same);
    }

    /// <summary>As the overload without <paramref name="resultSelector"/>, then applies it to the total.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Delayed<TResult> Aggregate<TSource, TAccumulate, TResult>(this DistBag<TSource> source, TAccumulate seed,
        Func<TAccumulate, TSource, TAccumulate> func, Func<TAccumulate, TAccumulate, TAccumulate> combine, Func<TAccumulate, TResult> resultSelector)
    {
        ArgumentNullException.ThrowIfNull(source);
        Check(func, nameof(func));
        Check(combine, nameof(combine));
        Check(resultSelector, nameof(resultSelector));
        return BagReduction.Of(source, "aggregate", [seed, func, combine, resultSelector], seed, func, null, combine, resultSelector);
    }

    /// <summary>The first element (LINQ's <c>First</c>): each partition stops at its first element, the earliest partition that has one wins.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <remarks>An empty bag fails the computation with LINQ's <see cref="InvalidOperationException"/>, inside a <see cref="Graph.TaskFailedException"/>.</remarks>
    public static Delayed<TSource> First<TSource>(this DistBag<TSource> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return BagReduction.Of(source, "first", [], default((bool, TSource)), Options<TSource>.KeepFirst, Options<TSource>.Has, Options<TSource>.Earlier, Options<TSource>.OrThrow);
    }

    /// <summary>The first element that satisfies <paramref name="predicate"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Delayed<TSource> First<TSource>(this DistBag<TSource> source, Func<TSource, bool> predicate) => source.Where(predicate).First();

    /// <summary>The first element, or the default value when there is none.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static Delayed<TSource?> FirstOrDefault<TSource>(this DistBag<TSource> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return BagReduction.Of(source, "first-or-default", [], default((bool, TSource)), Options<TSource>.KeepFirst, Options<TSource>.Has, Options<TSource>.Earlier, Options<TSource>.OrDefault);
    }

    /// <summary>The first element that satisfies <paramref name="predicate"/>, or the default value.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Delayed<TSource?> FirstOrDefault<TSource>(this DistBag<TSource> source, Func<TSource, bool> predicate) => source.Where(predicate).FirstOrDefault();

    /// <summary>Partial values that may be missing: (whether there is one, the value).</summary>
    internal static class Options<T>
    {
        public static readonly Func<T, T> Same = static v => v;
        public static readonly Func<(bool, T), T, (bool, T)> KeepFirst = static (o, x) => o.Item1 ? o : (true, x);
        public static readonly Func<(bool, T), bool> Has = static o => o.Item1;
        public static readonly Func<(bool, T), (bool, T), (bool, T)> Earlier = static (a, b) => a.Item1 ? a : b;
        public static readonly Func<(bool, T), (bool, T), (bool, T)> Later = static (a, b) => b.Item1 ? b : a;
        public static readonly Func<(bool, T), T> OrThrow = static o => o.Item1 ? o.Item2 : throw new InvalidOperationException("Sequence contains no elements");
        public static readonly Func<(bool, T), T?> OrDefault = static o => o.Item1 ? o.Item2 : default;

        /// <summary>The value when there is one; else LINQ's failure for value types, or null for reference and nullable ones.</summary>
        public static readonly Func<(bool, T), T> OrNullOrThrow = static o => o.Item1 || default(T) is not null ? OrThrow(o) : default!;
    }
}
