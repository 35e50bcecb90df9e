using LazyDist.Graph;
using LazyDist.Graph.Blocks;

namespace LazyDist.Collections;

public static partial class DistBag
{
    /// <summary>The partitions of <paramref name="first"/>, then those of <paramref name="second"/> (LINQ's <c>Concat</c>); no element moves.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static DistBag<TSource> Concat<TSource>(this DistBag<TSource> first, DistBag<TSource> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        int n = first.PartitionCount;
        return new DistBag<TSource>(NameOf("concat", first.Name, second.Name), n + second.PartitionCount,
            i => PipelineRun.Node(Sources.Partition<TSource>(i < n ? first.PartitionKey(i) : second.PartitionKey(i - n)), [], Sinks.List<TSource>()), [first, second]);
    }

    /// <summary>
    /// The elements in <paramref name="partitions"/> partitions, in the same order (dask's <c>repartition</c>):
    /// fewer partitions concatenate neighbours, more cut each partition into nearly equal pieces.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partitions"/> is not positive.</exception>
    public static DistBag<TSource> Repartition<TSource>(this DistBag<TSource> source, int partitions)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(partitions);
        int n = source.PartitionCount;
        string name = NameOf("repartition", source.Name, partitions);
        if (partitions <= n)
        {
            return new DistBag<TSource>(name, partitions, j => PipelineRun.Node(
                Sources.Concat<TSource>(Enumerable.Range(Cut(n, partitions, j), Cut(n, partitions, j + 1) - Cut(n, partitions, j)).Select(i => (TaskArg)new TaskRef(source.PartitionKey(i)))),
                [], Sinks.List<TSource>()), [source]);
        }
        // Output j is piece (j - first piece of its input) of the input whose pieces cover it.
        var owner = new int[partitions];
        var piece = new int[partitions];
        var pieces = new int[partitions];
        for (int i = 0, j = 0; i < n; i++)
        {
            int count = Cut(partitions, n, i + 1) - Cut(partitions, n, i);
            for (int p = 0; p < count; p++, j++)
                (owner[j], piece[j], pieces[j]) = (i, p, count);
        }
        return new DistBag<TSource>(name, partitions, j => PipelineRun.Node(
            new SourceSpec(SourceKind.Other, Pieces<TSource>.Fn, new ArgList([new TaskRef(source.PartitionKey(owner[j])), new Literal(piece[j]), new Literal(pieces[j])])),
            [], Sinks.List<TSource>()), [source]);
    }

    private static class Pieces<T>
    {
        public static readonly Func<object?, object, bool> Fn = static (input, head) =>
        {
            var args = (object?[])input!;
            var block = ElementBlock.Of<T>(args[0]);
            int piece = (int)args[1]!, pieces = (int)args[2]!;
            var sink = (Sink<T>)head;
            Sources.PushAll(block.Span[Cut(block.Count, pieces, piece)..Cut(block.Count, pieces, piece + 1)], sink);
            sink.Complete();
            return true;
        };
    }
}
