using LazyDist.Collections;
using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Dashboard.Tests.Reports;

/// <summary>Performance reports of real computations: a LocalCluster's worker processes, and a center with workers over TCP; failures inside and of the callback.</summary>
[TestFixture]
public sealed class PerformanceReportTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Test, CancelAfter(240_000)]
    public async Task PerformanceReportAsync_LocalClusterRun_NamesThePrefixesWithTheirCountsAndTheWorkers(CancellationToken cancellationToken)
    {
        await using var cluster = await LocalCluster.StartAsync(workers: 2, cancellationToken: cancellationToken).WaitAsync(Bound, cancellationToken);
        string path = ReportPath("local-cluster");
        var (graph, total) = WatchedCluster.IncGraph(12);
        object?[] result = [];

        await cluster.PerformanceReportAsync(path, async () => result = await cluster.ComputeAsync(graph, [total], cancellationToken), cancellationToken).WaitAsync(Bound, cancellationToken);

        var report = ReportDocument.Load(path);
        Assert.Multiple(() =>
        {
            Assert.That(result[0], Is.EqualTo(Enumerable.Range(1, 12).Sum(i => (long)i)));
            Assert.That(report.PrefixCounts, Is.EquivalentTo(new Dictionary<string, int> { ["inc"] = 12, ["total"] = 1 }));
            Assert.That(report.Workers, Is.EqualTo(new[] { "local-worker-0", "local-worker-1" }));
            Assert.That(report.Count("workers"), Is.EqualTo(2));
            Assert.That(report.Count("tasks"), Is.EqualTo(13));
            Assert.That(report.Count("errors"), Is.Zero);
            Assert.That(report.Elements("svg.task-stream rect.run"), Is.EqualTo(13));
            Assert.That(report.External, Is.Empty, "self-contained: nothing to fetch");
            Assert.That(report.Elements("script"), Is.Zero, "no script needed");
        });
    }

    [Test, CancelAfter(240_000)]
    public async Task PerformanceReportAsync_OnlyWhatRanInside_EarlierComputationLeftOut(CancellationToken cancellationToken)
    {
        await using var cluster = await WatchedCluster.StartAsync(cancellationToken: cancellationToken);
        var (before, beforeTotal) = WatchedCluster.IncGraph(5, total: "before");
        await cluster.Client.ComputeAsync(before, [beforeTotal], cancellationToken).AsTask().WaitAsync(Bound, cancellationToken);
        string path = ReportPath("inside-only");
        var graph = new TaskGraph();
        for (int i = 0; i < 7; i++)
            graph[("double", i)] = new TaskNode(ArrayOperations.Increment, (long)(100 + i));
        graph["sum"] = new TaskNode(ArrayOperations.SumScalars, ArgList.OfRefs(Enumerable.Range(0, 7).Select(i => (TaskKey)("double", i))));

        await cluster.Client.PerformanceReportAsync(path, async () => await cluster.Client.ComputeAsync(graph, ["sum"], cancellationToken), cancellationToken).WaitAsync(Bound, cancellationToken);

        var report = ReportDocument.Load(path);
        Assert.Multiple(() =>
        {
            Assert.That(report.PrefixCounts, Is.EquivalentTo(new Dictionary<string, int> { ["double"] = 7, ["sum"] = 1 }), "the earlier inc/before runs stopped before the report began");
            Assert.That(report.Workers, Is.EqualTo(new[] { "dash-worker-0", "dash-worker-1" }));
        });
    }

    [Test, CancelAfter(240_000)]
    public async Task PerformanceReportAsync_TaskFailsInside_ShownAsErred(CancellationToken cancellationToken)
    {
        await using var cluster = await WatchedCluster.StartAsync(cancellationToken: cancellationToken);
        string path = ReportPath("erred");
        var graph = new TaskGraph
        {
            [("bad", 0)] = new TaskNode(ArrayOperations.Random, -5, 1UL),
            ["bad-sum"] = new TaskNode(ArrayOperations.Sum, TaskArg.Ref(("bad", 0))),
            [("fine", 0)] = new TaskNode(ArrayOperations.Increment, 1L),
        };
        TaskFailedException? failed = null;

        await cluster.Client.PerformanceReportAsync(path, async () =>
        {
            await cluster.Client.ComputeAsync(graph, [("fine", 0)], cancellationToken);
            try
            {
                await cluster.Client.ComputeAsync(graph, ["bad-sum"], cancellationToken);
            }
            catch (TaskFailedException e)
            {
                failed = e;
            }
        }, cancellationToken).WaitAsync(Bound, cancellationToken);

        var report = ReportDocument.Load(path);
        Assert.Multiple(() =>
        {
            Assert.That(failed?.Key, Is.EqualTo((TaskKey)("bad", 0)));
            Assert.That(report.PrefixErred, Is.EquivalentTo(new Dictionary<string, int> { ["bad"] = 1, ["fine"] = 0 }), "bad-sum never ran: its input failed");
            Assert.That(report.Count("errors"), Is.EqualTo(1));
            Assert.That(report.Elements("svg.task-stream rect.run[fill='#d62728']"), Is.EqualTo(1), "the failed run is drawn red");
        });
    }

    [Test, CancelAfter(240_000)]
    public async Task PerformanceReportAsync_CallbackThrows_FileWrittenAndTheExceptionReachesTheCaller(CancellationToken cancellationToken)
    {
        await using var cluster = await WatchedCluster.StartAsync(cancellationToken: cancellationToken);
        string path = ReportPath("callback-threw");
        var (graph, total) = WatchedCluster.IncGraph(4);

        var ex = Assert.ThrowsAsync<InvalidOperationException>(() => cluster.Client.PerformanceReportAsync(path, async () =>
        {
            await cluster.Client.ComputeAsync(graph, [total], cancellationToken);
            throw new InvalidOperationException("the callback's own failure");
        }, cancellationToken).WaitAsync(Bound, cancellationToken));

        var report = ReportDocument.Load(path);
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Is.EqualTo("the callback's own failure"));
            Assert.That(report.TextOf("failure"), Does.Contain("System.InvalidOperationException").And.Contain("the callback's own failure"));
            Assert.That(report.PrefixCounts, Is.EquivalentTo(new Dictionary<string, int> { ["inc"] = 4, ["total"] = 1 }), "what ran before it threw is reported");
        });
    }

    internal static string ReportPath(string name)
    {
        string path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "performance-reports", $"{name}.html");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        return path;
    }
}
