using LazyDist.Graph;

namespace LazyDist.Collections;

public static partial class DistBag
{
    /// <summary>
    /// The first <paramref name="count"/> elements (LINQ's <c>Take</c>). Partitions are read in order, each
    /// only once the ones before it are done, and each stops as soon as the total is reached: a later
    /// partition whose turn comes when enough were taken reads nothing.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static DistBag<TSource> Take<TSource>(this DistBag<TSource> source, int count)
    {
        ArgumentNullException.ThrowIfNull(source);
        string name = NameOf("take", source.Name, count);
        var tasks = new List<KeyValuePair<TaskKey, TaskNode>>();
        for (int i = 0; i < source.PartitionCount - 1; i++)
        {
            tasks.Add(new(new TaskKey($"{name}-taken", i), new TaskNode(BagOperations.Get(BagOperations.TakenName),
                i == 0 ? new Literal(0L) : new TaskRef(new TaskKey($"{name}-taken", i - 1)), new TaskRef(new TaskKey(name, i)))));
        }
        var bag = new DistBag<TSource>(name, source.PartitionCount, i => PipelineRun.Node(Sources.Partition<TSource>(source.PartitionKey(i)), [],
            Sinks.Custom(Steps<TSource>.TakeSink(count), i == 0 ? new Literal(0L) : new TaskRef(new TaskKey($"{name}-taken", i - 1)))),
            [source, new TaskLayer(tasks, [])]);
        return bag;
    }

    /// <summary>The elements after the first <paramref name="count"/> (LINQ's <c>Skip</c>), by the counts of the partitions before each.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static DistBag<TSource> Skip<TSource>(this DistBag<TSource> source, int count)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Indexed(source, "skip", Steps<TSource>.Skip(count), count);
    }

    /// <summary>Projects each element with its index in the whole bag (LINQ's <c>Select</c> with index).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>The index counts the partitions before each: those are counted first (their elements computed once).</remarks>
    public static DistBag<TResult> Select<TSource, TResult>(this DistBag<TSource> source, Func<TSource, int, TResult> selector)
    {
        ArgumentNullException.ThrowIfNull(source);
        Check(selector, nameof(selector));
        return Indexed(source, "select-indexed", Steps<TSource>.Select(selector), selector);
    }

    /// <summary>Keeps the elements that satisfy <paramref name="predicate"/> with their index in the whole bag (LINQ's <c>Where</c> with index).</summary>
    /// <inheritdoc cref="Select{TSource, TResult}(DistBag{TSource}, Func{TSource, int, TResult})"/>
    public static DistBag<TSource> Where<TSource>(this DistBag<TSource> source, Func<TSource, int, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(source);
        Check(predicate, nameof(predicate));
        return Indexed(source, "where-indexed", Steps<TSource>.Where(predicate), predicate);
    }

    private static DistBag<TOut> Indexed<TIn, TOut>(DistBag<TIn> source, string operation, Func<TIn, long, Sink<TOut>, bool> step, params object?[] token)
    {
        string name = NameOf(operation, [source.Name, .. token]);
        var offsets = new TaskKey($"{name}-offsets");
        var tasks = new List<KeyValuePair<TaskKey, TaskNode>>();
        for (int i = 0; i < source.PartitionCount; i++)
            tasks.Add(new(new TaskKey($"{name}-count", i), new TaskNode(BagOperations.Get(BagOperations.CountName), new TaskRef(source.PartitionKey(i)))));
        tasks.Add(new(offsets, new TaskNode(BagOperations.Get(BagOperations.OffsetsName), ArgList.OfRefs(tasks.Select(t => t.Key).ToList()))));
        return new DistBag<TOut>(name, source.PartitionCount,
            i => PipelineRun.Node(Sources.Partition<TIn>(source.PartitionKey(i)), [Stages.Indexed(step, offsets, i)], Sinks.List<TOut>()),
            [source, new TaskLayer(tasks, [source])]);
    }

    private static class Steps<T>
    {
        public static Func<object?, Sink<T>> TakeSink(int count) => taken => new TakeSink<T>(count, (long)taken!);

        public static Func<T, long, Sink<T>, bool> Skip(int count) => (x, index, next) => index < count || next.Push(x);

        public static Func<T, long, Sink<TResult>, bool> Select<TResult>(Func<T, int, TResult> selector) => (x, index, next) => next.Push(selector(x, checked((int)index)));

        public static Func<T, long, Sink<T>, bool> Where(Func<T, int, bool> predicate) => (x, index, next) => !predicate(x, checked((int)index)) || next.Push(x);
    }
}

/// <summary>Collects elements until <c>count</c> were taken in all, counting those taken by the partitions before.</summary>
internal sealed class TakeSink<T>(int count, long taken) : Sink<T>, ITerminal
{
    private ItemBuffer<T> _items = new(0);

    public object? Result => _items.ToBlock();

    public bool Satisfied => taken >= count;

    public override bool Push(T item)
    {
        if (taken + _items.Count >= count)
            return false;
        _items.Add(item);
        return taken + _items.Count < count;
    }

    public override void Complete()
    {
    }
}
