using LazyDist.Collections;
using LazyDist.Distributed;
using LazyDist.Graph;
using LazyDist.Schedulers.Tests.Distributed;

namespace LazyDist.Schedulers.Tests.Progress;

/// <summary>Progress reports on every scheduler: the same totals per key group, counts that never go back, and a last report with everything done.</summary>
[TestFixture("sync")]
[TestFixture("threads")]
[TestFixture("cluster")]
public sealed class ProgressConformanceTests(string kind)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private IScheduler _scheduler = null!;
    private InProcessCluster? _owner;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        switch (kind)
        {
            case "sync":
                _scheduler = new SynchronousScheduler();
                break;
            case "threads":
                _scheduler = new ThreadedScheduler(2);
                break;
            default:
                var cluster = await InProcessCluster.StartAsync();
                _scheduler = cluster;
                _owner = cluster;
                break;
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_owner is not null)
            await _owner.DisposeAsync();
    }

    private IScheduler Scheduler => _scheduler is InProcessCluster c ? c.Client : _scheduler;

    [Test, CancelAfter(120_000)]
    public async Task ComputeAsync_WithProgress_TotalsPerPrefixAndEndsDone(CancellationToken cancellationToken)
    {
        var graph = new TaskGraph();
        for (int i = 0; i < 40; i++)
            graph[("inc", i)] = new TaskNode(ArrayOperations.Increment, (long)i);
        graph["total-3c1f9a0b"] = new TaskNode(ArrayOperations.SumScalars, ArgList.OfRefs(Enumerable.Range(0, 40).Select(i => (TaskKey)("inc", i))));
        var reports = new Recorder();
        var values = await Scheduler.ComputeAsync(graph, ["total-3c1f9a0b"], reports, cancellationToken).AsTask().WaitAsync(Bound, cancellationToken);
        Assert.That(values[0], Is.EqualTo(Enumerable.Range(1, 40).Sum(i => (long)i)));
        var all = reports.All;
        Assert.That(all, Is.Not.Empty);
        var last = all[^1];
        Assert.Multiple(() =>
        {
            Assert.That((last.Done, last.Total), Is.EqualTo((41, 41)));
            Assert.That(last.Prefixes, Is.EqualTo(new[] { new PrefixProgress("inc", 40, 40), new PrefixProgress("total", 1, 1) }));
            Assert.That(all.Select(r => r.Done), Is.Ordered, "done never goes back");
            Assert.That(all.All(r => r.Total == 41), "every report has the run's total");
        });
    }

    [Test, CancelAfter(120_000)]
    public async Task DistArrayComputeAsync_WithProgress_ReportsTheChunksAndTheirSum(CancellationToken cancellationToken)
    {
        var reports = new Recorder();
        var array = DistArray.Random(8_000, 1_000, 7UL);
        double sum = await array.Sum().ComputeAsync(Scheduler, reports, cancellationToken).AsTask().WaitAsync(Bound, cancellationToken);
        Assert.That(sum, Is.EqualTo(array.Sum().Compute(new SynchronousScheduler())));
        var last = reports.All[^1];
        Assert.That(last.IsComplete, Is.True);
        Assert.That(last.Prefixes.Sum(p => p.Total), Is.EqualTo(last.Total));
    }

    /// <summary>Keeps every report, in order (reports may come from the scheduler's threads).</summary>
    private sealed class Recorder : IProgress<ComputeProgress>
    {
        private readonly List<ComputeProgress> _reports = [];

        public IReadOnlyList<ComputeProgress> All
        {
            get
            {
                lock (_reports)
                    return [.. _reports];
            }
        }

        public void Report(ComputeProgress value)
        {
            lock (_reports)
                _reports.Add(value);
        }
    }
}
