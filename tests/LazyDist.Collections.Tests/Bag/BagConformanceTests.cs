using LazyDist.Graph;
using LazyDist.Schedulers;

namespace LazyDist.Collections.Tests.Bag;

/// <summary>
/// One suite of bag queries, each checked against LINQ to Objects on the same data (as sequences where
/// LINQ's order is kept, as multisets where the README says the order is the bag's own), and against
/// the synchronous scheduler's exact order: every scheduler gives the same elements in the same order.
/// </summary>
public abstract class BagConformanceTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);
    private static readonly List<Sale> Sales = BagTestData.Sales(600);
    private static readonly List<Customer> Customers = BagTestData.Customers(50);
    private static readonly List<string> Lines = BagTestData.Lines(300);

    protected IScheduler Scheduler { get; private set; } = null!;

    protected abstract Task<IScheduler> CreateSchedulerAsync();

    protected virtual ValueTask DisposeSchedulerAsync() => ValueTask.CompletedTask;

    [OneTimeSetUp]
    public async Task StartScheduler() => Scheduler = await CreateSchedulerAsync().WaitAsync(Bound);

    [OneTimeTearDown]
    public async Task StopScheduler() => await DisposeSchedulerAsync().AsTask().WaitAsync(Bound);

    private async Task<List<T>> Run<T>(DistBag<T> bag)
    {
        var result = await bag.ComputeAsync(Scheduler).WaitAsync(Bound);
        Assert.That(result, Is.EqualTo(bag.Compute(new SynchronousScheduler())), "the same order as on the synchronous scheduler");
        return result;
    }

    private async Task<T> Run<T>(Delayed<T> value) => await value.ComputeAsync(Scheduler).AsTask().WaitAsync(Bound);

    [Test, CancelAfter(180_000)]
    public async Task Narrow_SelectWhereSelectMany_AsLinq()
    {
        var bag = DistBag.From(Sales, 5).Where(s => s.Amount > 20).Select(s => s with { Amount = s.Amount * 2 }).SelectMany(s => new[] { s.Country, s.Note ?? "-" });
        Assert.That(await Run(bag), Is.EqualTo(Sales.Where(s => s.Amount > 20).Select(s => s with { Amount = s.Amount * 2 }).SelectMany(s => new[] { s.Country, s.Note ?? "-" })));
    }

    [Test, CancelAfter(180_000)]
    public async Task QuerySyntax_WordCount_AsLinqAsAMultiset()
    {
        var counts = (from line in DistBag.From(Lines, 4)
                      from word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                      select word).CountBy(w => w);
        var expected = Lines.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).CountBy(w => w);
        Assert.That(await Run(counts), Is.EquivalentTo(expected));
    }

    [Test, CancelAfter(180_000)]
    public async Task QuerySyntax_GroupBySum_AsLinqAsAMultiset()
    {
        var totals = from s in DistBag.From(Sales, 6)
                     group s.Amount by s.Country into g
                     select new { Country = g.Key, Total = Math.Round(g.Sum(), 6), Count = g.Count() };
        var expected = from s in Sales group s.Amount by s.Country into g select new { Country = g.Key, Total = Math.Round(g.Sum(), 6), Count = g.Count() };
        Assert.That(await Run(totals), Is.EquivalentTo(expected));
    }

    [Test, CancelAfter(180_000)]
    public async Task GroupBy_GroupsKeepTheirElementsInOrder()
    {
        var groups = await Run(DistBag.From(Sales, 4).GroupBy(s => s.User).Select(g => (g.Key, Amounts: string.Join(",", g.Select(s => s.Amount)))));
        var expected = Sales.GroupBy(s => s.User).Select(g => (g.Key, Amounts: string.Join(",", g.Select(s => s.Amount))));
        Assert.That(groups, Is.EquivalentTo(expected));
    }

    [Test, CancelAfter(180_000)]
    public async Task Join_BroadcastAndShuffled_AsLinq()
    {
        var broadcast = from s in DistBag.From(Sales, 5)
                        join c in DistBag.From(Customers, 1) on s.User equals c.User
                        select (c.Name, s.Amount);
        var expected = (from s in Sales join c in Customers on s.User equals c.User select (c.Name, s.Amount)).ToList();
        Assert.That(await Run(broadcast), Is.EqualTo(expected), "a broadcast join keeps LINQ's order");
        var shuffled = DistBag.From(Sales, 5).Join(DistBag.From(Customers, 3), s => s.User, c => c.User, (s, c) => (c.Name, s.Amount));
        Assert.That(await Run(shuffled), Is.EquivalentTo(expected));
    }

    [Test, CancelAfter(180_000)]
    public async Task GroupJoin_EveryOuterWithItsMatches()
    {
        var bag = DistBag.From(Customers, 3).GroupJoin(DistBag.From(Sales, 4), c => c.User, s => s.User, (c, ss) => (c.Name, ss.Count()));
        Assert.That(await Run(bag), Is.EquivalentTo(Customers.GroupJoin(Sales, c => c.User, s => s.User, (c, ss) => (c.Name, ss.Count()))));
    }

    [Test, CancelAfter(180_000)]
    public async Task QuerySyntax_OrderByThenByDescending_ExactlyLinq()
    {
        var sorted = from s in DistBag.From(Sales, 5) orderby s.Country, s.Amount descending select (s.Country, s.Amount, s.User);
        var expected = from s in Sales orderby s.Country, s.Amount descending select (s.Country, s.Amount, s.User);
        Assert.That(await Run(sorted), Is.EqualTo(expected));
        Assert.That(await Run(DistBag.From(Sales, 4).OrderByDescending(s => s.User)), Is.EqualTo(Sales.OrderByDescending(s => s.User)), "stable with many equal keys");
    }

    [Test, CancelAfter(180_000)]
    public async Task SetOperators_AsLinqAsMultisets()
    {
        var a = Sales.Select(s => s.User).ToList();
        var b = Sales.Take(100).Select(s => s.User + 20).ToList();
        var first = DistBag.From(a, 4);
        var second = DistBag.From(b, 3);
        Assert.Multiple(async () =>
        {
            Assert.That(await Run(first.Distinct()), Is.EquivalentTo(a.Distinct()));
            Assert.That(await Run(DistBag.From(Sales, 3).DistinctBy(s => s.Country)), Is.EquivalentTo(Sales.DistinctBy(s => s.Country)));
            Assert.That(await Run(first.Union(second)), Is.EquivalentTo(a.Union(b)));
            Assert.That(await Run(first.Intersect(second)), Is.EquivalentTo(a.Intersect(b)));
            Assert.That(await Run(first.Except(second)), Is.EquivalentTo(a.Except(b)));
        });
    }

    [Test, CancelAfter(180_000)]
    public async Task KeyedAggregations_AsLinqAsMultisets()
    {
        var bag = DistBag.From(Sales, 5);
        Assert.Multiple(async () =>
        {
            Assert.That(await Run(bag.CountBy(s => s.Country)), Is.EquivalentTo(Sales.CountBy(s => s.Country)));
            Assert.That(await Run(bag.AggregateBy(s => s.User, 0L, (n, s) => n + s.User)), Is.EquivalentTo(Sales.AggregateBy(s => s.User, 0L, (n, s) => n + s.User)));
            Assert.That(await Run(bag.AggregateBy(s => s.Country, 0, (n, s) => n + s.User, (x, y) => x + y)), Is.EquivalentTo(Sales.AggregateBy(s => s.Country, 0, (n, s) => n + s.User)));
            Assert.That(await Run(bag.Select(s => s.Note).Where(n => n is not null).Select(n => n!).Frequencies()),
                Is.EquivalentTo(Sales.Where(s => s.Note is not null).CountBy(s => s.Note!).Select(p => new KeyValuePair<string, long>(p.Key, p.Value))));
            Assert.That(await Run(bag.TopK(5, s => s.Amount)), Is.EqualTo(Sales.OrderByDescending(s => s.Amount).Take(5)));
        });
    }

    [Test, CancelAfter(180_000)]
    public async Task Positional_TakeSkipIndexConcatZipRepartition_AsLinq()
    {
        var data = Enumerable.Range(0, 200).ToList();
        var bag = DistBag.From(data, 6);
        Assert.Multiple(async () =>
        {
            Assert.That(await Run(bag.Where(x => x % 3 == 0).Take(25)), Is.EqualTo(data.Where(x => x % 3 == 0).Take(25)));
            Assert.That(await Run(bag.Take(0)), Is.Empty);
            Assert.That(await Run(bag.Skip(47)), Is.EqualTo(data.Skip(47)));
            Assert.That(await Run(bag.Where(x => x % 2 == 1).Select((x, i) => x * 1000 + i)), Is.EqualTo(data.Where(x => x % 2 == 1).Select((x, i) => x * 1000 + i)));
            Assert.That(await Run(bag.Where((x, i) => i % 5 == 0)), Is.EqualTo(data.Where((x, i) => i % 5 == 0)));
            Assert.That(await Run(bag.Concat(DistBag.Range(500, 10, 2))), Is.EqualTo(data.Concat(Enumerable.Range(500, 10))));
            Assert.That(await Run(bag.Zip(bag.Select(x => -x), (x, y) => x + 2 * y)), Is.EqualTo(data.Zip(data.Select(x => -x), (x, y) => x + 2 * y)));
            Assert.That(await Run(bag.Repartition(13)), Is.EqualTo(data));
            Assert.That(await Run(bag.Repartition(2)), Is.EqualTo(data));
            Assert.That(await Run(bag.MapPartitions(p => p.Reverse())), Is.EqualTo(Enumerable.Range(0, 6).SelectMany(i => data[DistBag.Cut(200, 6, i)..DistBag.Cut(200, 6, i + 1)].AsEnumerable().Reverse())));
        });
    }

    [Test, CancelAfter(180_000)]
    public async Task Reductions_AsLinq()
    {
        var ints = DistBag.From(Sales.Select(s => s.User), 7);
        var sales = DistBag.From(Sales, 7);
        var users = Sales.Select(s => s.User).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(await Run(ints.Count()), Is.EqualTo(users.Count));
            Assert.That(await Run(sales.LongCount(s => s.Amount > 50)), Is.EqualTo(Sales.LongCount(s => s.Amount > 50)));
            Assert.That(await Run(ints.Sum()), Is.EqualTo(users.Sum()));
            Assert.That(await Run(sales.Sum(s => s.Amount)), Is.EqualTo(Sales.Sum(s => s.Amount)).Within(1e-9));
            Assert.That(await Run(ints.Min()), Is.EqualTo(users.Min()));
            Assert.That(await Run(sales.Max(s => s.Amount)), Is.EqualTo(Sales.Max(s => s.Amount)));
            Assert.That(await Run(sales.MinBy(s => s.User)), Is.EqualTo(Sales.MinBy(s => s.User)));
            Assert.That(await Run(sales.MaxBy(s => s.Country)), Is.EqualTo(Sales.MaxBy(s => s.Country)));
            Assert.That(await Run(ints.Average()), Is.EqualTo(users.Average()).Within(1e-12));
            Assert.That(await Run(sales.Aggregate(0L, (n, s) => n + s.User * 2, (a, b) => a + b)), Is.EqualTo(Sales.Aggregate(0L, (n, s) => n + s.User * 2)));
            Assert.That(await Run(sales.Any(s => s.Amount > 99)), Is.EqualTo(Sales.Any(s => s.Amount > 99)));
            Assert.That(await Run(sales.All(s => s.Amount >= 0)), Is.True);
            Assert.That(await Run(ints.Contains(42)), Is.EqualTo(users.Contains(42)));
            Assert.That(await Run(sales.First(s => s.User == 17)), Is.EqualTo(Sales.First(s => s.User == 17)));
            Assert.That(await Run(ints.FirstOrDefault(u => u > 1000)), Is.Zero);
            Assert.That(await Run(DistBag.From(System.Array.Empty<string>(), 3).Min()), Is.Null);
        });
    }

    [Test, CancelAfter(180_000)]
    public async Task First_Empty_FailsAsLinqNamingTheKey()
    {
        var ex = Assert.ThrowsAsync<TaskFailedException>(async () => await Run(DistBag.From(System.Array.Empty<int>(), 3).First()));
        Assert.That(ex!.Message, Does.Contain("Sequence contains no elements"));
    }

    [Test, CancelAfter(180_000)]
    public async Task ManyPartitions_StagedShuffle_SameAsLinq()
    {
        var data = Enumerable.Range(0, 3000).Select(i => (Key: i * 7919 % 1000, Value: i)).ToList();
        var bag = DistBag.From(data, 100).GroupBy(p => p.Key, p => p.Value).Select(g => (g.Key, Sum: g.Sum(), First: g.First()));
        Assert.That(await Run(bag), Is.EquivalentTo(data.GroupBy(p => p.Key, p => p.Value).Select(g => (g.Key, Sum: g.Sum(), First: g.First()))));
        Assert.That(bag.GetGraph().Count, Is.LessThan(100 * 100), "fewer keys than N × M");
    }
}

[TestFixture]
public sealed class SynchronousBagConformanceTests : BagConformanceTests
{
    protected override Task<IScheduler> CreateSchedulerAsync() => Task.FromResult<IScheduler>(new SynchronousScheduler());
}

[TestFixture]
public sealed class ThreadedBagConformanceTests : BagConformanceTests
{
    protected override Task<IScheduler> CreateSchedulerAsync() => Task.FromResult<IScheduler>(new ThreadedScheduler(3));
}

[TestFixture]
public sealed class InProcessClusterBagConformanceTests : BagConformanceTests
{
    private InProcessBagCluster? _cluster;

    protected override async Task<IScheduler> CreateSchedulerAsync()
    {
        _cluster = await InProcessBagCluster.StartAsync();
        return _cluster.Client;
    }

    protected override async ValueTask DisposeSchedulerAsync()
    {
        if (_cluster is not null)
            await _cluster.DisposeAsync();
    }
}

[TestFixture]
public sealed class LocalClusterBagConformanceTests : BagConformanceTests
{
    protected override async Task<IScheduler> CreateSchedulerAsync() => await LazyDist.Distributed.LocalCluster.StartAsync(workers: 2, threadsPerWorker: 1);

    protected override async ValueTask DisposeSchedulerAsync()
    {
        if (Scheduler is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
    }
}
