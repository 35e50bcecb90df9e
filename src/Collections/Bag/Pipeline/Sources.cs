using LazyDist.Graph;
using LazyDist.Graph.Blocks;

namespace LazyDist.Collections;

/// <summary>The sources of pipelines over elements already in blocks: one partition, several in order, literal items, a range.</summary>
internal static class Sources
{
    public static SourceSpec Partition<T>(TaskKey key) => new(SourceKind.Partition, Fns<T>.Partition, new TaskRef(key));

    /// <summary>The elements of <paramref name="blocks"/> (each a partition or a bucket), one after the other.</summary>
    public static SourceSpec Concat<T>(IEnumerable<TaskArg> blocks) => new(SourceKind.Other, Fns<T>.Concat, new ArgList(blocks));

    public static SourceSpec Items<T>(T[] items) => new(SourceKind.Other, Fns<T>.Items, new Literal(items));

    public static SourceSpec Range(int start, int count) => new(SourceKind.Other, RangeFn, new Literal(new long[] { start, count }));

    public static bool PushAll<T>(ReadOnlySpan<T> items, Sink<T> sink)
    {
        foreach (var item in items)
        {
            if (!sink.Push(item))
                return false;
        }
        return true;
    }

    private static readonly Func<object?, object, bool> RangeFn = static (input, head) =>
    {
        var range = (long[])input!;
        var sink = (Sink<int>)head;
        for (long i = 0; i < range[1] && sink.Push((int)(range[0] + i)); i++)
        {
        }
        sink.Complete();
        return true;
    };

    private static class Fns<T>
    {
        public static readonly Func<object?, object, bool> Partition = static (input, head) =>
        {
            var sink = (Sink<T>)head;
            PushAll(ElementBlock.Of<T>(input).Span, sink);
            sink.Complete();
            return true;
        };

        public static readonly Func<object?, object, bool> Concat = static (input, head) =>
        {
            var sink = (Sink<T>)head;
            foreach (var block in (object?[])input!)
            {
                if (!PushAll(ElementBlock.Of<T>(block).Span, sink))
                    break;
            }
            sink.Complete();
            return true;
        };

        public static readonly Func<object?, object, bool> Items = static (input, head) =>
        {
            var sink = (Sink<T>)head;
            // Arrays of classes are object?[] lists to the literal codec: they come back as object?[] from another process.
            if (input is T[] items)
                PushAll<T>(items, sink);
            else
                PushAll<T>([.. ((object?[])input!).Cast<T>()], sink);
            sink.Complete();
            return true;
        };
    }
}
