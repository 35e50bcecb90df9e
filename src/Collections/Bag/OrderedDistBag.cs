namespace LazyDist.Collections;

/// <summary>
/// A bag sorted by one or more keys (what <c>OrderBy</c> returns; <c>ThenBy</c> adds keys). The sort is
/// stable and total across partitions: partition boundaries are chosen from a sample of every
/// partition, elements move to the partition of their range, and each partition is sorted, so the
/// partitions in order are LINQ's <c>OrderBy</c> exactly.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class OrderedDistBag<T> : DistBag<T>
{
    internal OrderedDistBag(DistBag<T> source, Comparison<T> comparison, string name, object?[] token)
        : this(Sorting.Plan(source, comparison, name, token), source, comparison, token)
    {
    }

    private OrderedDistBag(Sorting.SortPlan<T> plan, DistBag<T> source, Comparison<T> comparison, object?[] token)
        : base(plan.Name, source.PartitionCount, plan.Partition, [plan.Layer])
    {
        Source = source;
        Comparison = comparison;
        Token = token;
    }

    internal DistBag<T> Source { get; }

    internal Comparison<T> Comparison { get; }

    internal object?[] Token { get; }
}
