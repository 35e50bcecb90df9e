using LazyDist.Collections;
using LazyDist.Distributed;

namespace LazyDist.Schedulers.Tests.Distributed.Client;

/// <summary>The pool and futures on real worker processes; one cluster for the fixture (each start costs about a second).</summary>
[NonParallelizable]
public class LocalClusterFuturesTests
{
    private LocalCluster _cluster = null!;

    [OneTimeSetUp]
    public async Task StartAsync() =>
        _cluster = await LocalCluster.StartAsync(workers: 2, threadsPerWorker: 1, TestLog.Create()).WaitAsync(TimeSpan.FromSeconds(90));

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test, CancelAfter(90_000)]
    public async Task SeedSession_TotalExact_ArraysStayOnWorkers_DeleteReleasesAll() =>
        await PoolSeed.RunAsync(_cluster.Client.Pool, _cluster.Client, _cluster.Center);

    [Test, CancelAfter(90_000)]
    public async Task Futures_SubmitMapGatherAsCompleted()
    {
        var xs = _cluster.Client.Scatter([1L, 2L, 3L]);
        var ys = _cluster.Client.Map(Scalars.Increment, xs);
        var pair = _cluster.Client.Submit(Scalars.Add, ys[0], ys[1]);
        var total = _cluster.Client.Submit<long, long, long>(Scalars.Add, pair, 10L);
        var done = await _cluster.Client.AsCompleted(ys).CountAsync().AsTask().WaitAsync(CenterProbe.Bound);
        Assert.Multiple(async () =>
        {
            Assert.That(await _cluster.Client.GatherAsync(ys).WaitAsync(CenterProbe.Bound), Is.EqualTo(new[] { 2L, 3L, 4L }));
            Assert.That(await total.ResultAsync().WaitAsync(CenterProbe.Bound), Is.EqualTo(15L));
            Assert.That(done, Is.EqualTo(3));
        });
    }

    [Test, CancelAfter(90_000)]
    public async Task Persist_TwoComputationsFromHeldBlocks_SameBitsAsThreads()
    {
        var x = DistArray.Random(10L * 50_000, 50_000, seed: 8);
        var held = await _cluster.PersistAsync(x).WaitAsync(CenterProbe.Bound);
        long before = await _cluster.Center.ReadAsync(st => st.CompletedTasks);
        double sum = await held.Sum().ComputeAsync(_cluster).AsTask().WaitAsync(CenterProbe.Bound);
        double mean = await held.Mean().ComputeAsync(_cluster).AsTask().WaitAsync(CenterProbe.Bound);
        int work = held.Sum().GetGraph().Values.Count(n => !n.IsRemote) + held.Mean().GetGraph().Values.Count(n => !n.IsRemote);
        Assert.Multiple(async () =>
        {
            Assert.That(BitConverter.DoubleToInt64Bits(sum), Is.EqualTo(BitConverter.DoubleToInt64Bits(x.Sum().Compute(new ThreadedScheduler(2)))));
            Assert.That(BitConverter.DoubleToInt64Bits(mean), Is.EqualTo(BitConverter.DoubleToInt64Bits(x.Mean().Compute(new ThreadedScheduler(2)))));
            Assert.That(await _cluster.Center.ReadAsync(st => st.CompletedTasks) - before, Is.EqualTo(work), "no block was made again");
        });
        GC.KeepAlive(held);
    }

    [Test, CancelAfter(90_000)]
    public async Task SeedSessionWithLambdas_AsWritten()
    {
        var pool = _cluster.Client.Pool;
        var a = pool.Map(i => Chunks.Random(100_000, Chunks.Seed(42, i)), Enumerable.Range(0, 20));
        var b = pool.Map(Chunks.Sum, a);
        var total = pool.Apply(sums => sums.Sum(), b);
        double expected = Enumerable.Range(0, 20).Select(i => Chunks.Sum(Chunks.Random(100_000, Chunks.Seed(42, i)))).Sum();
        Assert.That(total.Get(), Is.EqualTo(expected));
        pool.Delete(a);
        pool.Delete(b);
        pool.Delete(total);
        var keys = a.Select(r => r.Key).Concat(b.Select(r => r.Key)).Append(total.Key).ToHashSet();
        await _cluster.Center.UntilAsync(s => !s.Tasks.Keys.Any(keys.Contains));
    }
}
