using LazyDist.Graph.Blocks;

namespace LazyDist.Collections;

/// <summary>
/// The inner side of a join, by key (null keys never match, as in LINQ), each key's elements in their
/// order, chained through one array (no list per key). A broadcast partition's table is built once per
/// block in a process when the key selector captures nothing: every task that joins with it shares it.
/// </summary>
internal sealed class JoinTable<TInner, TKey>
    where TKey : notnull
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, JoinTable<TInner, TKey>> Shared = new();
    private readonly Dictionary<TKey, (int First, int Last)> _chains = [];
    private readonly TInner[] _items;
    private readonly int[] _next;
    private readonly System.Reflection.MethodInfo _method;

    public JoinTable(IEnumerable<TInner> inner, Func<TInner, TKey> keySelector)
    {
        _method = keySelector.Method;
        _items = [.. inner];
        _next = new int[_items.Length];
        for (int i = 0; i < _items.Length; i++)
        {
            _next[i] = -1;
            var key = keySelector(_items[i]);
            if (key is null)
                continue;
            ref var chain = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_chains, key, out bool exists);
            if (exists)
                _next[chain.Last] = i;
            chain = (exists ? chain.First : i, i);
        }
    }

    /// <summary>The table of a partition (an input block): shared when the key selector captures nothing.</summary>
    public static JoinTable<TInner, TKey> Of(object? block, Func<TInner, TKey> keySelector)
    {
        if (block is null || keySelector.Target is { } target && target.GetType().GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic).Length > 0)
            return new(ElementBlock.Of<TInner>(block).Items, keySelector);
        var table = Shared.GetValue(block, b => new JoinTable<TInner, TKey>(ElementBlock.Of<TInner>(b).Items, keySelector));
        return table._method == keySelector.Method ? table : new(ElementBlock.Of<TInner>(block).Items, keySelector);
    }

    /// <summary>Calls <paramref name="each"/> for every match of <paramref name="key"/>, in order, until it returns false.</summary>
    public bool ForEach(TKey key, Func<TInner, bool> each)
    {
        if (key is null || !_chains.TryGetValue(key, out var chain))
            return true;
        for (int i = chain.First; i >= 0; i = _next[i])
        {
            if (!each(_items[i]))
                return false;
        }
        return true;
    }

    public IReadOnlyList<TInner> Matches(TKey key)
    {
        var matches = new List<TInner>();
        ForEach(key, item =>
        {
            matches.Add(item);
            return true;
        });
        return matches;
    }
}

/// <summary>Joins each element pushed in with the matching elements of a table (a broadcast join, or the reduce side of a shuffled one).</summary>
internal sealed class JoinStage<TOuter, TInner, TKey, TResult>(JoinTable<TInner, TKey> table, Func<TOuter, TKey> outerKey,
    Func<TOuter, TInner, TResult> result, Sink<TResult> next) : Stage<TOuter, TResult>(next)
    where TKey : notnull
{
    private TOuter _current = default!;
    private Func<TInner, bool>? _emit;

    public override bool Push(TOuter item)
    {
        _current = item;
        return table.ForEach(outerKey(item), _emit ??= Emit);
    }

    private bool Emit(TInner match) => Next.Push(result(_current, match));
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
        (next, inner) => new JoinStage<TOuter, TInner, TKey, TResult>(JoinTable<TInner, TKey>.Of(inner, innerKey), outerKey, result, next);

    public static Func<Sink<TResult>, object?, Sink<TOuter>> BroadcastGroup(Func<TOuter, TKey> outerKey, Func<TInner, TKey> innerKey, Func<TOuter, IEnumerable<TInner>, TResult> result) =>
        (next, inner) => new GroupJoinStage<TOuter, TInner, TKey, TResult>(JoinTable<TInner, TKey>.Of(inner, innerKey), outerKey, result, next);

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
