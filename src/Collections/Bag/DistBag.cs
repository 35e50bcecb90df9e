using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// Makes and transforms <see cref="DistBag{T}"/>s: sources (<see cref="From"/>, <see cref="Range"/>,
/// <c>ReadLines</c>, <c>ReadCsv</c>) and LINQ's operators, one family per file, as System.Linq's
/// <c>Enumerable</c>. Chains of <c>Select</c>, <c>Where</c> and <c>SelectMany</c> run fused in one task
/// per partition; aggregations combine inside each partition before anything moves; wide operators
/// shuffle by a stable hash or by sampled ranges.
/// </summary>
public static partial class DistBag
{
    /// <summary>A bag of <paramref name="items"/>, cut into <paramref name="partitions"/> partitions of nearly equal size, in order.</summary>
    /// <param name="items">The elements; they are copied now and travel inside the graph.</param>
    /// <param name="partitions">How many partitions (some are empty when there are fewer items).</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partitions"/> is not positive.</exception>
    public static DistBag<T> From<T>(IEnumerable<T> items, int partitions = 1)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(partitions);
        var all = items.ToArray();
        var parts = Enumerable.Range(0, partitions).Select(p => all[Cut(all.Length, partitions, p)..Cut(all.Length, partitions, p + 1)]).ToArray();
        string name = $"from-{Tokenizer.Unique()}";
        return new DistBag<T>(name, partitions, i => PipelineRun.Node(Sources.Items(parts[i]), [], Sinks.List<T>()), []);
    }

    /// <summary>The integers <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> − 1 (as <c>Enumerable.Range</c>), in <paramref name="partitions"/> partitions.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative, the range passes <see cref="int.MaxValue"/>, or <paramref name="partitions"/> is not positive.</exception>
    public static DistBag<int> Range(int start, int count, int partitions = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(partitions);
        if ((long)start + count - 1 > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(count), $"start {start} + count {count} passes int.MaxValue");
        string name = $"range-{Tokenizer.Token("range", start, count, partitions)}";
        return new DistBag<int>(name, partitions,
            i => PipelineRun.Node(Sources.Range(start + Cut(count, partitions, i), Cut(count, partitions, i + 1) - Cut(count, partitions, i)), [], Sinks.List<int>()), []);
    }

    /// <summary>Where part <paramref name="part"/> of <paramref name="parts"/> starts in <paramref name="length"/> items.</summary>
    internal static int Cut(int length, int parts, int part) => (int)((long)length * part / parts);

    /// <summary>A name for a new bag: the operation and a token of what it is made of.</summary>
    internal static string NameOf(string operation, params object?[] parts) => $"{operation}-{Tokenizer.Token([operation, .. parts])}";

    /// <summary>A bag of the same partitioning whose partition <c>i</c> runs <paramref name="stage"/> over <paramref name="source"/>'s partition <c>i</c>.</summary>
    internal static DistBag<TOut> Narrow<TIn, TOut>(DistBag<TIn> source, string operation, StageSpec stage, params object?[] token) =>
        new(NameOf(operation, [source.Name, .. token]), source.PartitionCount,
            i => PipelineRun.Node(Sources.Partition<TIn>(source.PartitionKey(i)), [stage], Sinks.List<TOut>()), [source]);

    /// <summary>Checks a user function: not null, and capturing no lazy value (its key would not be computed first).</summary>
    internal static void Check(Delegate? function, string name)
    {
        ArgumentNullException.ThrowIfNull(function, name);
        if (LazyCaptures.Of(function) is [var lazy, ..])
            throw new ArgumentException($"{name} captures the lazy value {lazy.Key}; a bag's functions cannot read lazy values (compute it first, or combine with Zip or Join)", name);
    }
}
