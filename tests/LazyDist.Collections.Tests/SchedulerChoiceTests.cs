using LazyDist.Distributed;
using LazyDist.Graph;
using LazyDist.Schedulers;

namespace LazyDist.Collections.Tests;

/// <summary>
/// <c>Compute()</c> with no scheduler runs on the ambient default (<c>AsDefault()</c>), on every
/// kind of scheduler: one thread, threads, worker processes, a center and workers over TCP.
/// </summary>
[TestFixture("sync")]
[TestFixture("threads")]
[TestFixture("processes")]
[TestFixture("tcp")]
[CancelAfter(120_000)]
public class SchedulerChoiceTests(string kind)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private readonly List<IAsyncDisposable> _owned = [];
    private IScheduler _scheduler = null!;
    private Func<Func<bool>> _mark = null!;

    /// <summary>The scheduler, and <c>_mark()</c>: a check of whether it has run anything since the mark.</summary>
    [OneTimeSetUp]
    public async Task StartScheduler()
    {
        switch (kind)
        {
            case "sync":
                var sync = new SynchronousScheduler();
                (_scheduler, _mark) = (sync, () => RunsOf(sync));
                break;
            case "threads":
                var threads = new ThreadedScheduler(2);
                (_scheduler, _mark) = (threads, () => RunsOf(threads));
                break;
            case "processes":
                var cluster = await LocalCluster.StartAsync(workers: 1).WaitAsync(Bound);
                _owned.Add(cluster);
                (_scheduler, _mark) = (cluster, () => GathersOf(cluster.Client));
                break;
            default:
                var center = await CenterHost.StartAsync(new CenterOptions { Port = 0 }).WaitAsync(Bound);
                _owned.Add(center);
                _owned.Add(await WorkerHost.StartAsync(new WorkerOptions { CenterAddress = center.Address, Threads = 1, Name = "default-worker" }).WaitAsync(Bound));
                var client = await DistributedScheduler.ConnectAsync(center.Address).WaitAsync(Bound);
                _owned.Add(client);
                (_scheduler, _mark) = (client, () => GathersOf(client));
                break;
        }
    }

    /// <summary>A local scheduler's runs: each has statistics of its own.</summary>
    private static Func<bool> RunsOf(IReportsRunStatistics scheduler)
    {
        var seen = scheduler.LastRun;
        return () => !ReferenceEquals(scheduler.LastRun, seen);
    }

    /// <summary>A cluster's runs: the client gathers their results from the workers.</summary>
    private static Func<bool> GathersOf(DistributedScheduler client)
    {
        long seen = client.GatheredBytes;
        return () => client.GatheredBytes > seen;
    }

    [OneTimeTearDown]
    public async Task StopScheduler()
    {
        for (int i = _owned.Count - 1; i >= 0; i--)
            await _owned[i].DisposeAsync();
    }

    [Test]
    public void Compute_InsideAsDefault_RunsThere()
    {
        var x = DistArray.Arange(0.0, 100.0, 1.0, chunkSize: 25);
        var ran = _mark();
        double sum, first;
        long[] shifted;
        using (_scheduler.AsDefault())
        {
            sum = x.Sum().Compute();
            first = x.Compute()[0];
            shifted = LazyDist.Collections.Delayed.Compute(null, LazyDist.Collections.Delayed.Value(41L).Select(v => v + 1), LazyDist.Collections.Delayed.Value(1L).Select(v => v + 1)).Cast<long>().ToArray();
        }
        Assert.Multiple(() =>
        {
            Assert.That(sum, Is.EqualTo(4950.0));
            Assert.That(first, Is.Zero);
            Assert.That(shifted, Is.EqualTo(new[] { 42L, 2L }));
            Assert.That(ran(), Is.True, $"{kind} ran the computations");
        });
    }

    [Test]
    public async Task ComputeAsync_AfterAwaitsAndInTaskRun_RunsThere()
    {
        var x = DistArray.Arange(0.0, 10.0, 1.0, chunkSize: 5);
        using var scope = _scheduler.AsDefault();
        await Task.Yield();
        var ran = _mark();
        double sum = await x.Sum().ComputeAsync();
        bool ranAwaited = ran();
        ran = _mark();
        double[] values = await Task.Run(() => x.ComputeAsync());
        Assert.Multiple(() =>
        {
            Assert.That(sum, Is.EqualTo(45.0));
            Assert.That(values, Is.EqualTo(Enumerable.Range(0, 10).Select(i => (double)i)));
            Assert.That(ranAwaited, Is.True, $"{kind} ran the awaited computation");
            Assert.That(ran(), Is.True, $"{kind} ran the computation started in Task.Run");
        });
    }

    [Test]
    public async Task BagCompute_InsideAsDefault_RunsThere()
    {
        var bag = DistBag.Range(0, 20, partitions: 4).Select(v => v * 2);
        using var scope = _scheduler.AsDefault();
        var ran = _mark();
        List<int> list = bag.Compute();
        bool ranCompute = ran();
        ran = _mark();
        var streamed = new List<int>();
        await foreach (int v in bag.ToAsyncEnumerable())
            streamed.Add(v);
        var expected = Enumerable.Range(0, 20).Select(v => v * 2).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(list, Is.EqualTo(expected));
            Assert.That(streamed, Is.EqualTo(expected));
            Assert.That(ranCompute, Is.True, $"{kind} ran the bag's Compute");
            Assert.That(ran(), Is.True, $"{kind} ran the bag's ToAsyncEnumerable");
        });
    }

    [Test]
    public void Compute_ExplicitSchedulerOrScopeEnded_DefaultNotUsed()
    {
        var total = LazyDist.Collections.Delayed.Value(20L).Select(v => v + 1);
        var ran = _mark();
        long explicitly;
        using (_scheduler.AsDefault())
            explicitly = total.Compute(new SynchronousScheduler());
        long afterScope = total.Compute();
        Assert.Multiple(() =>
        {
            Assert.That(explicitly, Is.EqualTo(21L));
            Assert.That(afterScope, Is.EqualTo(21L));
            Assert.That(ran(), Is.False, $"{kind} ran nothing");
        });
    }
}
