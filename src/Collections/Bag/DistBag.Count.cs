namespace LazyDist.Collections;

public static partial class DistBag
{
    /// <summary>The number of elements (LINQ's <c>Count</c>), counted inside each partition, then summed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static Delayed<int> Count<TSource>(this DistBag<TSource> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return BagReduction.Of(source, "count", [], 0L, Folds<TSource>.Count, null, Folds<TSource>.Add, Folds<TSource>.ToInt);
    }

    /// <summary>The number of elements that satisfy <paramref name="predicate"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Delayed<int> Count<TSource>(this DistBag<TSource> source, Func<TSource, bool> predicate) => source.Where(predicate).Count();

    /// <summary>The number of elements, as a <see cref="long"/> (LINQ's <c>LongCount</c>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static Delayed<long> LongCount<TSource>(this DistBag<TSource> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return BagReduction.Of(source, "long-count", [], 0L, Folds<TSource>.Count, null, Folds<TSource>.Add, Folds<TSource>.Same);
    }

    /// <summary>The number of elements that satisfy <paramref name="predicate"/>, as a <see cref="long"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Delayed<long> LongCount<TSource>(this DistBag<TSource> source, Func<TSource, bool> predicate) => source.Where(predicate).LongCount();

    /// <summary>Whether the bag has any element; each partition stops at its first.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static Delayed<bool> Any<TSource>(this DistBag<TSource> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return BagReduction.Of(source, "any", [], false, Folds<TSource>.True, Folds<TSource>.IsTrue, Folds<TSource>.Or, Folds<TSource>.Bool);
    }

    /// <summary>Whether any element satisfies <paramref name="predicate"/>; each partition stops at its first match.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Delayed<bool> Any<TSource>(this DistBag<TSource> source, Func<TSource, bool> predicate) => source.Where(predicate).Any();

    /// <summary>Whether every element satisfies <paramref name="predicate"/>; each partition stops at its first miss.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Delayed<bool> All<TSource>(this DistBag<TSource> source, Func<TSource, bool> predicate)
    {
        Check(predicate, nameof(predicate));
        return source.Where(Folds<TSource>.Not(predicate)).Any().Select(Folds<TSource>.Negate);
    }

    /// <summary>Whether the bag contains <paramref name="value"/> (by default equality); the value travels with the task.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static Delayed<bool> Contains<TSource>(this DistBag<TSource> source, TSource value) => source.Any(Folds<TSource>.EqualTo(value));

    private static class Folds<T>
    {
        public static readonly Func<long, T, long> Count = static (n, _) => n + 1;
        public static readonly Func<long, long, long> Add = static (a, b) => a + b;
        public static readonly Func<long, int> ToInt = static n => checked((int)n);
        public static readonly Func<long, long> Same = static n => n;
        public static readonly Func<bool, T, bool> True = static (_, _) => true;
        public static readonly Func<bool, bool> IsTrue = static b => b;
        public static readonly Func<bool, bool, bool> Or = static (a, b) => a || b;
        public static readonly Func<bool, bool> Bool = static b => b;
        public static readonly Func<bool, bool> Negate = static b => !b;

        public static Func<T, bool> Not(Func<T, bool> predicate) => x => !predicate(x);

        public static Func<T, bool> EqualTo(T value) => x => EqualityComparer<T>.Default.Equals(x, value);
    }
}
