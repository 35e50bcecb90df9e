using LazyDist.Graph.Blocks;

namespace LazyDist.Collections;

/// <summary>Collects the elements into a partition.</summary>
internal sealed class ListSink<T> : Sink<T>, ITerminal
{
    private ItemBuffer<T> _items = new(0);

    public object? Result => _items.ToBlock();

    public override bool Push(T item)
    {
        _items.Add(item);
        return true;
    }

    public override void Complete()
    {
    }
}

/// <summary>
/// Cuts the elements into buckets by <paramref name="bucketOf"/>, keeping their order within each
/// bucket, into one block whose segments are the buckets (one task's value, however many buckets).
/// </summary>
internal sealed class SplitSink<T>(Func<T, int> bucketOf, int buckets) : Sink<T>, ITerminal
{
    private readonly ItemBuffer<T>[] _buckets = new ItemBuffer<T>[buckets];

    public object? Result
    {
        get
        {
            var offsets = new int[buckets + 1];
            for (int b = 0; b < buckets; b++)
                offsets[b + 1] = offsets[b] + _buckets[b].Count;
            var all = new T[offsets[^1]];
            for (int b = 0; b < buckets; b++)
                _buckets[b].Span.CopyTo(all.AsSpan(offsets[b]));
            return new ElementBlock<T>(all, all.Length, offsets);
        }
    }

    public override bool Push(T item)
    {
        int bucket = bucketOf(item);
        if ((uint)bucket >= (uint)buckets)
            throw new InvalidOperationException($"bucket {bucket} of {buckets}");
        _buckets[bucket].Add(item);
        return true;
    }

    public override void Complete()
    {
    }
}

/// <summary>The ends of pipelines as data (see <see cref="Stages"/>).</summary>
internal static class Sinks
{
    private static readonly Graph.Literal None = new(null);

    public static SinkSpec List<T>() => new(SinkKind.List, Fns<T>.List, None);

    public static SinkSpec Split<T>(Func<T, int> bucketOf, int buckets) =>
        new(SinkKind.Other, (Func<object?, object>)(_ => new SplitSink<T>(bucketOf, buckets)), None);

    /// <summary>A terminal sink made by <paramref name="make"/> from its resolved input.</summary>
    public static SinkSpec Custom<T>(Func<object?, Sink<T>> make, Graph.TaskArg? input = null) =>
        new(SinkKind.Other, (Func<object?, object>)(value => make(value)), input ?? None);

    private static class Fns<T>
    {
        public static readonly Func<object?, object> List = static _ => new ListSink<T>();
    }
}
