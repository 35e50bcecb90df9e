namespace LazyDist.Collections;

/// <summary>A stage that passes what it makes to the next sink, and completes it when done.</summary>
internal abstract class Stage<TIn, TOut>(Sink<TOut> next) : Sink<TIn>
{
    protected Sink<TOut> Next { get; } = next;

    public override void Complete() => Next.Complete();

    /// <summary>Passes <paramref name="items"/> on until the next sink wants no more, then completes it.</summary>
    protected void Flush(IEnumerable<TOut> items)
    {
        foreach (var item in items)
        {
            if (!Next.Push(item))
                break;
        }
        Next.Complete();
    }
}

/// <summary><c>Select</c>.</summary>
internal sealed class SelectStage<TIn, TOut>(Func<TIn, TOut> selector, Sink<TOut> next) : Stage<TIn, TOut>(next)
{
    public override bool Push(TIn item) => Next.Push(selector(item));
}

/// <summary><c>Where</c>.</summary>
internal sealed class WhereStage<T>(Func<T, bool> predicate, Sink<T> next) : Stage<T, T>(next)
{
    public override bool Push(T item) => !predicate(item) || Next.Push(item);
}

/// <summary><c>SelectMany</c> with one selector.</summary>
internal sealed class SelectManyStage<TIn, TOut>(Func<TIn, IEnumerable<TOut>> collection, Sink<TOut> next) : Stage<TIn, TOut>(next)
{
    public override bool Push(TIn item)
    {
        var items = collection(item);
        return items is TOut[] array ? Sources.PushAll<TOut>(array, Next) : PushAll(items);
    }

    private bool PushAll(IEnumerable<TOut> items)
    {
        foreach (var inner in items)
        {
            if (!Next.Push(inner))
                return false;
        }
        return true;
    }
}

/// <summary><c>SelectMany</c> with a result selector (what query syntax's second <c>from</c> compiles to).</summary>
internal sealed class SelectManyStage<TIn, TCollection, TOut>(Func<TIn, IEnumerable<TCollection>> collection, Func<TIn, TCollection, TOut> result, Sink<TOut> next)
    : Stage<TIn, TOut>(next)
{
    public override bool Push(TIn item)
    {
        var items = collection(item);
        if (items is TCollection[] array)
        {
            foreach (var inner in array)
            {
                if (!Next.Push(result(item, inner)))
                    return false;
            }
            return true;
        }
        foreach (var inner in items)
        {
            if (!Next.Push(result(item, inner)))
                return false;
        }
        return true;
    }
}

/// <summary>The elements numbered from the partition's offset in the whole bag (the index overloads of <c>Select</c>, <c>Where</c>, <c>SelectMany</c>).</summary>
internal sealed class IndexedStage<TIn, TOut>(Func<TIn, long, Sink<TOut>, bool> step, long start, Sink<TOut> next) : Stage<TIn, TOut>(next)
{
    private long _index = start;

    public override bool Push(TIn item) => step(item, _index++, Next);
}

/// <summary><c>MapPartitions</c>: the partition's elements, then what the function makes of them.</summary>
internal sealed class MapPartitionsStage<TIn, TOut>(Func<IEnumerable<TIn>, IEnumerable<TOut>> mapper, Sink<TOut> next) : Stage<TIn, TOut>(next)
{
    private ItemBuffer<TIn> _items = new(0);

    public override bool Push(TIn item)
    {
        _items.Add(item);
        return true;
    }

    public override void Complete() => Flush(mapper(_items.ToBlock().Items));
}
