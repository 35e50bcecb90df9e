using System.Runtime.InteropServices;

namespace LazyDist.Collections;

/// <summary>
/// Folds elements into one accumulator per key (<c>AggregateBy</c>, <c>CountBy</c>, and the map side of
/// their shuffle), then passes the (key, accumulator) pairs on in the order the keys first came.
/// </summary>
internal sealed class AggregateByStage<T, TKey, TAccumulate>(Func<T, TKey> keySelector, Func<TKey, TAccumulate> seed, Func<TAccumulate, T, TAccumulate> func,
    Sink<KeyValuePair<TKey, TAccumulate>> next) : Stage<T, KeyValuePair<TKey, TAccumulate>>(next)
    where TKey : notnull
{
    private readonly Dictionary<TKey, TAccumulate> _accumulators = [];

    public override bool Push(T item)
    {
        var key = keySelector(item);
        ref var accumulator = ref CollectionsMarshal.GetValueRefOrAddDefault(_accumulators, key, out bool exists);
        if (!exists)
            accumulator = seed(key);
        accumulator = func(accumulator!, item);
        return true;
    }

    public override void Complete() => Flush(_accumulators);
}

/// <summary>Merges partial (key, accumulator) pairs with <paramref name="combine"/>, keys in the order they first came.</summary>
internal sealed class CombineByStage<TKey, TAccumulate>(Func<TAccumulate, TAccumulate, TAccumulate> combine, Sink<KeyValuePair<TKey, TAccumulate>> next)
    : Stage<KeyValuePair<TKey, TAccumulate>, KeyValuePair<TKey, TAccumulate>>(next)
    where TKey : notnull
{
    private readonly Dictionary<TKey, TAccumulate> _accumulators = [];

    public override bool Push(KeyValuePair<TKey, TAccumulate> item)
    {
        ref var accumulator = ref CollectionsMarshal.GetValueRefOrAddDefault(_accumulators, item.Key, out bool exists);
        accumulator = exists ? combine(accumulator!, item.Value) : item.Value;
        return true;
    }

    public override void Complete() => Flush(_accumulators);
}

/// <summary>Groups elements by key (a null key too), each group's elements in the order they came, groups in the order their keys first came.</summary>
#pragma warning disable CS8714 // Null keys never reach the dictionary: they have a group of their own.
internal sealed class GroupStage<T, TKey, TElement>(Func<T, TKey> keySelector, Func<T, TElement> elementSelector, Sink<IGrouping<TKey, TElement>> next)
    : Stage<T, IGrouping<TKey, TElement>>(next)
{
    private readonly Dictionary<TKey, int> _index = [];
    private readonly List<(TKey Key, List<TElement> Elements)> _groups = [];
    private int _nullGroup = -1;

    public override bool Push(T item)
    {
        var key = keySelector(item);
        int at;
        if (key is null)
        {
            if (_nullGroup < 0)
                _groups.Add((key, []));
            at = _nullGroup < 0 ? _nullGroup = _groups.Count - 1 : _nullGroup;
        }
        else
        {
            ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_index, key, out bool exists);
            if (!exists)
            {
                slot = _groups.Count;
                _groups.Add((key, []));
            }
            at = slot;
        }
        _groups[at].Elements.Add(elementSelector(item));
        return true;
    }

    public override void Complete()
    {
        foreach (var (key, elements) in _groups)
        {
            if (!Next.Push(new Grouping<TKey, TElement>(key, [.. elements])))
                break;
        }
        Next.Complete();
    }
}

#pragma warning restore CS8714

/// <summary>Passes each element whose key was not seen before (<c>Distinct</c>, <c>DistinctBy</c>).</summary>
internal sealed class DistinctStage<T, TKey>(Func<T, TKey> keySelector, Sink<T> next) : Stage<T, T>(next)
{
    private readonly HashSet<TKey> _seen = [];

    public override bool Push(T item) => !_seen.Add(keySelector(item)) || Next.Push(item);
}

/// <summary>Counts elements per key (<c>CountBy</c>'s map side): one dictionary update per element, no accumulator functions to call.</summary>
internal sealed class CountByStage<T, TKey>(Func<T, TKey> keySelector, Sink<KeyValuePair<TKey, int>> next) : Stage<T, KeyValuePair<TKey, int>>(next)
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _counts = [];

    public override bool Push(T item)
    {
        checked
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_counts, keySelector(item), out _)++;
        }
        return true;
    }

    public override void Complete() => Flush(_counts);
}
