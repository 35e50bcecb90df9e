namespace LazyDist.Collections;

public static partial class Delayed
{
    /// <summary>
    /// The delayed value that <paramref name="selector"/> makes of this one's value, computed (monadic bind), so
    /// query syntax over delayed values works: <c>from a in x from b in y select a + b</c>. A delayed value the
    /// selector captures is computed first and read where the task runs, as for <see cref="Call{T1, TResult}(Func{T1, TResult}, Delayed{T1}, bool, Graph.TaskKey?)"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Delayed<TResult> SelectMany<TSource, TResult>(this Delayed<TSource> source, Func<TSource, Delayed<TResult>> selector)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(selector);
        return Call(Binds<TSource, TResult>.Of(selector), source);
    }

    /// <summary>Pairs this delayed value with the one <paramref name="collectionSelector"/> makes of it (what a second <c>from</c> compiles to).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Delayed<TResult> SelectMany<TSource, TCollection, TResult>(this Delayed<TSource> source,
        Func<TSource, Delayed<TCollection>> collectionSelector, Func<TSource, TCollection, TResult> resultSelector)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(collectionSelector);
        ArgumentNullException.ThrowIfNull(resultSelector);
        return Call(Binds<TSource, TResult>.Of(collectionSelector, resultSelector), source);
    }

    private static class Binds<TSource, TResult>
    {
        public static Func<TSource, TResult> Of(Func<TSource, Delayed<TResult>> selector) => value => selector(value).Compute();

        public static Func<TSource, TResult> Of<TCollection>(Func<TSource, Delayed<TCollection>> collection, Func<TSource, TCollection, TResult> result) =>
            value => result(value, collection(value).Compute());
    }
}
