using LazyDist.Graph;
using LazyDist.Graph.Blocks;

namespace LazyDist.Collections;

public static partial class DistBag
{
    /// <summary>
    /// Pairs the elements of two equally partitioned bags (LINQ's <c>Zip</c>), partition by partition: partition
    /// <c>i</c> of each is zipped with partition <c>i</c> of the other, so nothing moves.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The bags have different partition counts.</exception>
    /// <remarks>Partitions of different lengths fail the computation, naming the partition and both lengths (use bags made the same way, or <c>Repartition</c> both).</remarks>
    public static DistBag<TResult> Zip<TFirst, TSecond, TResult>(this DistBag<TFirst> first, DistBag<TSecond> second, Func<TFirst, TSecond, TResult> resultSelector)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        Check(resultSelector, nameof(resultSelector));
        if (first.PartitionCount != second.PartitionCount)
            throw new ArgumentException($"Zip needs equally partitioned bags: {first.PartitionCount} partitions and {second.PartitionCount}", nameof(second));
        var zip = Zips<TFirst, TSecond, TResult>.Of(resultSelector);
        return new DistBag<TResult>(NameOf("zip", first.Name, second.Name, resultSelector), first.PartitionCount,
            i => PipelineRun.Node(new SourceSpec(SourceKind.Other, zip, new ArgList([new TaskRef(first.PartitionKey(i)), new TaskRef(second.PartitionKey(i)), new Literal(i)])),
                [], Sinks.List<TResult>()), [first, second]);
    }

    /// <summary>Pairs the elements of two equally partitioned bags as tuples.</summary>
    /// <inheritdoc cref="Zip{TFirst, TSecond, TResult}(DistBag{TFirst}, DistBag{TSecond}, Func{TFirst, TSecond, TResult})"/>
    public static DistBag<(TFirst First, TSecond Second)> Zip<TFirst, TSecond>(this DistBag<TFirst> first, DistBag<TSecond> second) =>
        first.Zip(second, Zips<TFirst, TSecond, (TFirst, TSecond)>.Tuple);

    private static class Zips<TFirst, TSecond, TResult>
    {
        public static readonly Func<TFirst, TSecond, (TFirst, TSecond)> Tuple = static (a, b) => (a, b);

        public static Func<object?, object, bool> Of(Func<TFirst, TSecond, TResult> result) => (input, head) =>
        {
            var args = (object?[])input!;
            var a = ElementBlock.Of<TFirst>(args[0]).Span;
            var b = ElementBlock.Of<TSecond>(args[1]).Span;
            if (a.Length != b.Length)
                throw new InvalidOperationException($"Zip: partition {args[2]} has {a.Length} elements in the first bag and {b.Length} in the second; Zip needs equally partitioned bags");
            var sink = (Sink<TResult>)head;
            for (int i = 0; i < a.Length && sink.Push(result(a[i], b[i])); i++)
            {
            }
            sink.Complete();
            return true;
        };
    }
}
