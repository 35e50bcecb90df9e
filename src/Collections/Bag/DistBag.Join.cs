using LazyDist.Graph;

namespace LazyDist.Collections;

public static partial class DistBag
{
    /// <summary>
    /// The pairs of elements with equal keys (LINQ's <c>Join</c>; null keys never match). When
    /// <paramref name="inner"/> has one partition it is sent to every partition of <paramref name="outer"/>,
    /// nothing else moves, and the order is LINQ's; otherwise both sides are shuffled by a stable hash of the
    /// key, and each output partition keeps LINQ's order among its own elements.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The keys cannot be hashed the same way in every process.</exception>
    public static DistBag<TResult> Join<TOuter, TInner, TKey, TResult>(this DistBag<TOuter> outer, DistBag<TInner> inner,
        Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, TInner, TResult> resultSelector)
        where TKey : notnull
    {
        CheckJoin<TOuter, TInner, TKey>(outer, inner, outerKeySelector, innerKeySelector, resultSelector);
        if (inner.PartitionCount == 1)
        {
            var stage = Stages.Custom(Joins<TOuter, TInner, TKey, TResult>.Broadcast(outerKeySelector, innerKeySelector, resultSelector), new TaskRef(inner.PartitionKey(0)));
            return Broadcast<TOuter, TInner, TResult>(outer, inner, "join", stage, outerKeySelector, innerKeySelector, resultSelector);
        }
        return Paired<TOuter, TInner, TOuter, TInner, TResult>(outer, inner, "join", [outerKeySelector, innerKeySelector, resultSelector],
            [], Hashes.ByKey(outerKeySelector), [], Hashes.ByKey(innerKeySelector), Joins<TOuter, TInner, TKey, TResult>.Shuffled(outerKeySelector, innerKeySelector, resultSelector), []);
    }

    /// <summary>Each element of <paramref name="outer"/> with all its matches in <paramref name="inner"/>, none included (LINQ's <c>GroupJoin</c>).</summary>
    /// <inheritdoc cref="Join{TOuter, TInner, TKey, TResult}(DistBag{TOuter}, DistBag{TInner}, Func{TOuter, TKey}, Func{TInner, TKey}, Func{TOuter, TInner, TResult})"/>
    public static DistBag<TResult> GroupJoin<TOuter, TInner, TKey, TResult>(this DistBag<TOuter> outer, DistBag<TInner> inner,
        Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, IEnumerable<TInner>, TResult> resultSelector)
        where TKey : notnull
    {
        CheckJoin<TOuter, TInner, TKey>(outer, inner, outerKeySelector, innerKeySelector, resultSelector);
        if (inner.PartitionCount == 1)
        {
            var stage = Stages.Custom(Joins<TOuter, TInner, TKey, TResult>.BroadcastGroup(outerKeySelector, innerKeySelector, resultSelector), new TaskRef(inner.PartitionKey(0)));
            return Broadcast<TOuter, TInner, TResult>(outer, inner, "group-join", stage, outerKeySelector, innerKeySelector, resultSelector);
        }
        return Paired<TOuter, TInner, TOuter, TInner, TResult>(outer, inner, "group-join", [outerKeySelector, innerKeySelector, resultSelector],
            [], Hashes.ByKey(outerKeySelector), [], Hashes.ByKey(innerKeySelector), Joins<TOuter, TInner, TKey, TResult>.ShuffledGroup(outerKeySelector, innerKeySelector, resultSelector), []);
    }

    private static void CheckJoin<TOuter, TInner, TKey>(DistBag<TOuter> outer, DistBag<TInner> inner, Delegate outerKey, Delegate innerKey, Delegate result)
    {
        ArgumentNullException.ThrowIfNull(outer);
        ArgumentNullException.ThrowIfNull(inner);
        Check(outerKey, "outerKeySelector");
        Check(innerKey, "innerKeySelector");
        Check(result, "resultSelector");
        StableHash<TKey>.EnsureSupported("outerKeySelector");
    }

    private static DistBag<TResult> Broadcast<TOuter, TInner, TResult>(DistBag<TOuter> outer, DistBag<TInner> inner, string operation, StageSpec stage, params object?[] token) =>
        new(NameOf(operation, [outer.Name, inner.Name, .. token]), outer.PartitionCount,
            i => PipelineRun.Node(Sources.Partition<TOuter>(outer.PartitionKey(i)), [stage], Sinks.List<TResult>()), [outer, inner]);
}
