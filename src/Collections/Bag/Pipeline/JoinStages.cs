using LazyDist.Graph.Blocks;

namespace LazyDist.Collections;

/// <summary>The inner side of a join, by key (null keys never match, as in LINQ), each key's elements in their order.</summary>
internal sealed class JoinTable<TInner, TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, List<TInner>> _byKey = [];

    public JoinTable(IEnumerable<TInner> inner, Func<TInner, TKey> keySelector)
    {
        foreach (var item in inner)
        {
            var key = keySelector(item);
            if (key is null)
                continue;
            if (!_byKey.TryGetValue(key, out var list))
                _byKey[key] = list = [];
            list.Add(item);
        }
    }

    public IReadOnlyList<TInner> Matches(TKey key) => key is not null && _byKey.TryGetValue(key, out var list) ? list : [];
}

/// <summary>Joins each element pushed in with the matching elements of a table (a broadcast join, or the reduce side of a shuffled one).</summary>
internal sealed class JoinStage<TOuter, TInner, TKey, TResult>(JoinTable<TInner, TKey> table, Func<TOuter, TKey> outerKey,
    Func<TOuter, TInner, TResult> result, Sink<TResult> next) : Stage<TOuter, TResult>(next)
    where TKey : notnull
{
    public override bool Push(TOuter item)
    {
        foreach (var match in table.Matches(outerKey(item)))
        {
            if (!Next.Push(result(item, match)))
                return false;
        }
        return true;
    }
}

/// <summary>Pairs each element pushed in with all its matches, none included (LINQ's <c>GroupJoin</c>).</summary>
internal sealed class GroupJoinStage<TOuter, TInner, TKey, TResult>(JoinTable<TInner, TKey> table, Func<TOuter, TKey> outerKey,
    Func<TOuter, IEnumerable<TInner>, TResult> result, Sink<TResult> next) : Stage<TOuter, TResult>(next)
    where TKey : notnull
{
    public override bool Push(TOuter item) => Next.Push(result(item, table.Matches(outerKey(item))));
}

/// <summary>Joins as closures that capture only the user's functions.</summary>
internal static class Joins<TOuter, TInner, TKey, TResult>
    where TKey : notnull
{
    /// <summary>A stage that joins with the inner partition given as its input.</summary>
    public static Func<Sink<TResult>, object?, Sink<TOuter>> Broadcast(Func<TOuter, TKey> outerKey, Func<TInner, TKey> innerKey, Func<TOuter, TInner, TResult> result) =>
        (next, inner) => new JoinStage<TOuter, TInner, TKey, TResult>(new(ElementBlock.Of<TInner>(inner).Items, innerKey), outerKey, result, next);

    public static Func<Sink<TResult>, object?, Sink<TOuter>> BroadcastGroup(Func<TOuter, TKey> outerKey, Func<TInner, TKey> innerKey, Func<TOuter, IEnumerable<TInner>, TResult> result) =>
        (next, inner) => new GroupJoinStage<TOuter, TInner, TKey, TResult>(new(ElementBlock.Of<TInner>(inner).Items, innerKey), outerKey, result, next);

    public static Func<IEnumerable<TOuter>, IEnumerable<TInner>, Sink<TResult>, bool> Shuffled(Func<TOuter, TKey> outerKey, Func<TInner, TKey> innerKey, Func<TOuter, TInner, TResult> result) =>
        (outer, inner, sink) =>
        {
            var stage = new JoinStage<TOuter, TInner, TKey, TResult>(new(inner, innerKey), outerKey, result, sink);
            return Sources.PushAll<TOuter>([.. outer], stage);
        };

    public static Func<IEnumerable<TOuter>, IEnumerable<TInner>, Sink<TResult>, bool> ShuffledGroup(Func<TOuter, TKey> outerKey, Func<TInner, TKey> innerKey, Func<TOuter, IEnumerable<TInner>, TResult> result) =>
        (outer, inner, sink) =>
        {
            var stage = new GroupJoinStage<TOuter, TInner, TKey, TResult>(new(inner, innerKey), outerKey, result, sink);
            return Sources.PushAll<TOuter>([.. outer], stage);
        };
}
