namespace LazyDist.Collections;

public static partial class DistBag
{
    /// <summary>The sum of the elements (LINQ's <c>Sum</c>, checked), summed inside each partition, then over partitions in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static Delayed<int> Sum(this DistBag<int> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return BagReduction.Of<int, int, int>(source, "sum", [], 0, static (a, x) => checked(a + x), null, static (a, b) => checked(a + b), static s => s);
    }

    /// <summary>The sum of the elements' projections.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Delayed<int> Sum<TSource>(this DistBag<TSource> source, Func<TSource, int> selector) => source.Select(selector).Sum();

    /// <summary>The sum of the elements (LINQ's <c>Sum</c>, checked), summed inside each partition, then over partitions in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static Delayed<long> Sum(this DistBag<long> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return BagReduction.Of<long, long, long>(source, "sum", [], 0, static (a, x) => checked(a + x), null, static (a, b) => checked(a + b), static s => s);
    }

    /// <summary>The sum of the elements' projections.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Delayed<long> Sum<TSource>(this DistBag<TSource> source, Func<TSource, long> selector) => source.Select(selector).Sum();

    /// <summary>The sum of the elements (LINQ's <c>Sum</c>), summed inside each partition, then over partitions in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static Delayed<float> Sum(this DistBag<float> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return BagReduction.Of<float, double, float>(source, "sum", [], 0, static (a, x) => a + x, null, static (a, b) => a + b, static s => (float)s);
    }

    /// <summary>The sum of the elements' projections.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Delayed<float> Sum<TSource>(this DistBag<TSource> source, Func<TSource, float> selector) => source.Select(selector).Sum();

    /// <summary>The sum of the elements (LINQ's <c>Sum</c>), summed inside each partition, then over partitions in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static Delayed<double> Sum(this DistBag<double> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return BagReduction.Of<double, double, double>(source, "sum", [], 0, static (a, x) => a + x, null, static (a, b) => a + b, static s => s);
    }

    /// <summary>The sum of the elements' projections.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Delayed<double> Sum<TSource>(this DistBag<TSource> source, Func<TSource, double> selector) => source.Select(selector).Sum();

    /// <summary>The sum of the elements (LINQ's <c>Sum</c>), summed inside each partition, then over partitions in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static Delayed<decimal> Sum(this DistBag<decimal> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return BagReduction.Of<decimal, decimal, decimal>(source, "sum", [], 0, static (a, x) => a + x, null, static (a, b) => a + b, static s => s);
    }

    /// <summary>The sum of the elements' projections.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Delayed<decimal> Sum<TSource>(this DistBag<TSource> source, Func<TSource, decimal> selector) => source.Select(selector).Sum();

    /// <summary>The mean of the elements (LINQ's <c>Average</c>); an empty bag fails with LINQ's <see cref="InvalidOperationException"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static Delayed<double> Average(this DistBag<int> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return BagReduction.Of<int, (long, long), double>(source, "average", [], default, static (a, x) => (checked(a.Item1 + x), a.Item2 + 1), null,
            static (a, b) => (checked(a.Item1 + b.Item1), a.Item2 + b.Item2),
            static s => s.Item2 == 0 ? throw new InvalidOperationException("Sequence contains no elements") : (double)s.Item1 / s.Item2);
    }

    /// <summary>The mean of the elements' projections.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Delayed<double> Average<TSource>(this DistBag<TSource> source, Func<TSource, int> selector) => source.Select(selector).Average();

    /// <summary>The mean of the elements (LINQ's <c>Average</c>); an empty bag fails with LINQ's <see cref="InvalidOperationException"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static Delayed<double> Average(this DistBag<long> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return BagReduction.Of<long, (long, long), double>(source, "average", [], default, static (a, x) => (checked(a.Item1 + x), a.Item2 + 1), null,
            static (a, b) => (checked(a.Item1 + b.Item1), a.Item2 + b.Item2),
            static s => s.Item2 == 0 ? throw new InvalidOperationException("Sequence contains no elements") : (double)s.Item1 / s.Item2);
    }

    /// <summary>The mean of the elements' projections.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Delayed<double> Average<TSource>(this DistBag<TSource> source, Func<TSource, long> selector) => source.Select(selector).Average();

    /// <summary>The mean of the elements (LINQ's <c>Average</c>); an empty bag fails with LINQ's <see cref="InvalidOperationException"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static Delayed<float> Average(this DistBag<float> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return BagReduction.Of<float, (double, long), float>(source, "average", [], default, static (a, x) => (a.Item1 + x, a.Item2 + 1), null,
            static (a, b) => (a.Item1 + b.Item1, a.Item2 + b.Item2),
            static s => s.Item2 == 0 ? throw new InvalidOperationException("Sequence contains no elements") : (float)(s.Item1 / s.Item2));
    }

    /// <summary>The mean of the elements' projections.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Delayed<float> Average<TSource>(this DistBag<TSource> source, Func<TSource, float> selector) => source.Select(selector).Average();

    /// <summary>The mean of the elements (LINQ's <c>Average</c>); an empty bag fails with LINQ's <see cref="InvalidOperationException"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static Delayed<double> Average(this DistBag<double> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return BagReduction.Of<double, (double, long), double>(source, "average", [], default, static (a, x) => (a.Item1 + x, a.Item2 + 1), null,
            static (a, b) => (a.Item1 + b.Item1, a.Item2 + b.Item2),
            static s => s.Item2 == 0 ? throw new InvalidOperationException("Sequence contains no elements") : s.Item1 / s.Item2);
    }

    /// <summary>The mean of the elements' projections.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Delayed<double> Average<TSource>(this DistBag<TSource> source, Func<TSource, double> selector) => source.Select(selector).Average();

    /// <summary>The mean of the elements (LINQ's <c>Average</c>); an empty bag fails with LINQ's <see cref="InvalidOperationException"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static Delayed<decimal> Average(this DistBag<decimal> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return BagReduction.Of<decimal, (decimal, long), decimal>(source, "average", [], default, static (a, x) => (a.Item1 + x, a.Item2 + 1), null,
            static (a, b) => (a.Item1 + b.Item1, a.Item2 + b.Item2),
            static s => s.Item2 == 0 ? throw new InvalidOperationException("Sequence contains no elements") : s.Item1 / s.Item2);
    }

    /// <summary>The mean of the elements' projections.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Delayed<decimal> Average<TSource>(this DistBag<TSource> source, Func<TSource, decimal> selector) => source.Select(selector).Average();
}
