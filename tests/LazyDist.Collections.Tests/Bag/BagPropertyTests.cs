using FsCheck;
using LazyDist.Graph;
using LazyDist.Schedulers;

#pragma warning disable NUnit1027 // FsCheck supplies the arguments.

namespace LazyDist.Collections.Tests.Bag;

/// <summary>Properties over random data and partitionings, empty partitions and a single partition included.</summary>
public class BagPropertyTests
{
    private static readonly IScheduler Sync = new SynchronousScheduler();

    private static DistBag<int> Bag(int[] data, PositiveInt partitions) => DistBag.From(data, Math.Min(partitions.Get, 12));

    [FsCheck.NUnit.Property(MaxTest = 80)]
    public bool NarrowChain_EqualsLinq(int[] data, PositiveInt partitions) =>
        Bag(data, partitions).Where(x => x % 3 != 0).Select(x => x / 2).SelectMany(x => Enumerable.Repeat(x, Math.Abs(x % 3))).Compute(Sync)
            .SequenceEqual(data.Where(x => x % 3 != 0).Select(x => x / 2).SelectMany(x => Enumerable.Repeat(x, Math.Abs(x % 3))));

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public bool OrderByThenBy_EqualsLinqExactly(int[] data, PositiveInt partitions) =>
        Bag(data, partitions).OrderBy(x => Math.Abs(x % 5)).ThenByDescending(x => x).Compute(Sync)
            .SequenceEqual(data.OrderBy(x => Math.Abs(x % 5)).ThenByDescending(x => x));

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public bool GroupBy_EqualsLinqAsAMultiset(int[] data, PositiveInt partitions)
    {
        var actual = Bag(data, partitions).GroupBy(x => x % 4).Select(g => (g.Key, string.Join(",", g))).Compute(Sync);
        var expected = data.GroupBy(x => x % 4).Select(g => (g.Key, string.Join(",", g)));
        return actual.OrderBy(p => p.Key).SequenceEqual(expected.OrderBy(p => p.Key));
    }

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public bool SetsAndCounts_EqualLinqAsMultisets(int[] data, int[] other, PositiveInt partitions)
    {
        var bag = Bag(data, partitions);
        var second = DistBag.From(other, 3);
        return bag.Distinct().Compute(Sync).Order().SequenceEqual(data.Distinct().Order())
            && bag.Intersect(second).Compute(Sync).Order().SequenceEqual(data.Intersect(other).Order())
            && bag.Except(second).Compute(Sync).Order().SequenceEqual(data.Except(other).Order())
            && bag.CountBy(x => x % 7).Compute(Sync).OrderBy(p => p.Key).SequenceEqual(data.CountBy(x => x % 7).OrderBy(p => p.Key));
    }

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public bool TakeSkipAndReductions_EqualLinq(int[] data, PositiveInt partitions, NonNegativeInt n)
    {
        var bag = Bag(data, partitions);
        int count = n.Get % (data.Length + 3);
        return bag.Take(count).Compute(Sync).SequenceEqual(data.Take(count))
            && bag.Skip(count).Compute(Sync).SequenceEqual(data.Skip(count))
            && bag.Select((x, i) => x + i).Compute(Sync).SequenceEqual(data.Select((x, i) => x + i))
            && bag.LongCount().Compute(Sync) == data.Length
            && bag.Select(x => (long)x).Sum().Compute(Sync) == data.Sum(x => (long)x)
            && bag.Any(x => x > 10).Compute(Sync) == data.Any(x => x > 10)
            && bag.Repartition(1 + count % 5).Compute(Sync).SequenceEqual(data)
            && (data.Length == 0 || (bag.Max().Compute(Sync) == data.Max() && bag.First().Compute(Sync) == data[0]));
    }
}
