using LazyDist.Graph;

namespace LazyDist.Collections;

public static partial class DistBag
{
    /// <summary>Sorts the elements by a key, stably and across all partitions (LINQ's <c>OrderBy</c>); see <see cref="OrderedDistBag{T}"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static OrderedDistBag<TSource> OrderBy<TSource, TKey>(this DistBag<TSource> source, Func<TSource, TKey> keySelector) =>
        Ordered(source, null, keySelector, descending: false);

    /// <summary>Sorts the elements by a key in descending order, stably (LINQ's <c>OrderByDescending</c>).</summary>
    /// <inheritdoc cref="OrderBy{TSource, TKey}(DistBag{TSource}, Func{TSource, TKey})"/>
    public static OrderedDistBag<TSource> OrderByDescending<TSource, TKey>(this DistBag<TSource> source, Func<TSource, TKey> keySelector) =>
        Ordered(source, null, keySelector, descending: true);

    /// <summary>Sorts elements with equal earlier keys by another key (LINQ's <c>ThenBy</c>).</summary>
    /// <inheritdoc cref="OrderBy{TSource, TKey}(DistBag{TSource}, Func{TSource, TKey})"/>
    public static OrderedDistBag<TSource> ThenBy<TSource, TKey>(this OrderedDistBag<TSource> source, Func<TSource, TKey> keySelector) =>
        Ordered(source?.Source!, source, keySelector, descending: false);

    /// <summary>Sorts elements with equal earlier keys by another key, descending (LINQ's <c>ThenByDescending</c>).</summary>
    /// <inheritdoc cref="OrderBy{TSource, TKey}(DistBag{TSource}, Func{TSource, TKey})"/>
    public static OrderedDistBag<TSource> ThenByDescending<TSource, TKey>(this OrderedDistBag<TSource> source, Func<TSource, TKey> keySelector) =>
        Ordered(source?.Source!, source, keySelector, descending: true);

    /// <summary>The <paramref name="count"/> largest elements by <paramref name="keySelector"/>, largest first, ties in their order (dask.bag's <c>topk</c>), in one partition; each partition keeps its own top first.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static DistBag<TSource> TopK<TSource, TKey>(this DistBag<TSource> source, int count, Func<TSource, TKey> keySelector)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Check(keySelector, nameof(keySelector));
        var top = Stages.Custom(Orderings<TSource>.Sort(Orderings<TSource>.Then(null, keySelector, descending: true), count));
        var partial = Narrow<TSource, TSource>(source, "top-k-partial", top, count, keySelector);
        return new DistBag<TSource>(NameOf("top-k", source.Name, count, keySelector), 1,
            _ => PipelineRun.Node(Sources.Concat<TSource>(partial.PartitionKeys.Select(k => (TaskArg)new TaskRef(k))), [top], Sinks.List<TSource>()), [partial]);
    }

    /// <summary>The <paramref name="count"/> largest elements (by <see cref="Comparer{T}.Default"/>), largest first.</summary>
    /// <inheritdoc cref="TopK{TSource, TKey}(DistBag{TSource}, int, Func{TSource, TKey})"/>
    public static DistBag<TSource> TopK<TSource>(this DistBag<TSource> source, int count) => source.TopK(count, Identity<TSource>.Function);

    private static OrderedDistBag<TSource> Ordered<TSource, TKey>(DistBag<TSource> source, OrderedDistBag<TSource>? previous, Func<TSource, TKey> keySelector, bool descending)
    {
        ArgumentNullException.ThrowIfNull(source);
        Check(keySelector, nameof(keySelector));
        var comparison = Orderings<TSource>.Then(previous?.Comparison, keySelector, descending);
        object?[] token = [.. previous?.Token ?? [], keySelector, descending];
        return new OrderedDistBag<TSource>(source, comparison, NameOf("order-by", [source.Name, .. token]), token);
    }
}

/// <summary>The tasks of a sort: counts and samples of every partition, the boundaries, the range shuffle, and the sorted partitions.</summary>
internal static class Sorting
{
    public const int SamplesPerOutput = 20;

    internal sealed record SortPlan<T>(string Name, Func<int, TaskNode> Partition, IGraphSource Layer);

    public static SortPlan<T> Plan<T>(DistBag<T> source, Comparison<T> comparison, string name, object?[] token)
    {
        _ = token;
        int n = source.PartitionCount;
        int perPartition = Math.Clamp((SamplesPerOutput * n + n - 1) / n, 16, 2000);
        var tasks = new List<KeyValuePair<TaskKey, TaskNode>>();
        for (int i = 0; i < n; i++)
        {
            tasks.Add(new(new TaskKey($"{name}-count", i), new TaskNode(BagOperations.Get(BagOperations.CountName), new TaskRef(source.PartitionKey(i)))));
            tasks.Add(new(new TaskKey($"{name}-sample", i), PipelineRun.Node(
                new SourceSpec(SourceKind.Other, Orderings<T>.Sample, new ArgList([new TaskRef(source.PartitionKey(i)), new Literal(perPartition)])), [], Sinks.List<T>())));
        }
        var boundaries = new TaskKey($"{name}-boundaries");
        var pick = Orderings<T>.Boundaries(comparison, n);
        tasks.Add(new(boundaries, new TaskNode(OpRef.FromDelegate(pick, Invokers.Create(pick)),
            ArgList.OfRefs(Enumerable.Range(0, n).Select(i => new TaskKey($"{name}-sample", i))), ArgList.OfRefs(Enumerable.Range(0, n).Select(i => new TaskKey($"{name}-count", i))))));
        var layout = Shuffle.Of(name, source, [], new Destination<T>(Orderings<T>.ByBoundaries(comparison), new TaskRef(boundaries)), n);
        var sort = Stages.Custom(Orderings<T>.Sort(comparison, int.MaxValue));
        return new SortPlan<T>(name, j => PipelineRun.Node(Sources.Concat<T>(layout.BucketsOf(j)), [sort], Sinks.List<T>()),
            new TaskLayer(tasks, [source, layout.Layer]));
    }
}
