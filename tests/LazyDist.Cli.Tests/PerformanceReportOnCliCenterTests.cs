using System.Diagnostics;
using LazyDist.Collections;
using LazyDist.Dashboard.Tests.Reports;
using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Cli.Tests;

/// <summary>A performance report from a client of a remote center: <c>lazydist center</c> and two <c>lazydist worker</c> processes over TCP, the records asked over the wire.</summary>
public class PerformanceReportOnCliCenterTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Test, CancelAfter(240_000)]
    public async Task PerformanceReportAsync_RemoteCenterAndWorkerProcesses_NamesThePrefixesWithTheirCountsAndTheWorkers(CancellationToken cancellationToken)
    {
        using var center = CliRun.StartDrained("center", "--port", "0", "--no-dashboard");
        string line = (await center.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(Bound, cancellationToken))!;
        string address = line["center listening at ".Length..];
        using var worker1 = CliRun.StartDrained("worker", address, "--nthreads", "2", "--name", "report-1");
        using var worker2 = CliRun.StartDrained("worker", address, "--nthreads", "2", "--name", "report-2");
        try
        {
            await using var client = await DistributedScheduler.ConnectAsync(address, cancellationToken: cancellationToken).WaitAsync(Bound, cancellationToken);
            await client.WaitForWorkersAsync(2, Bound, cancellationToken: cancellationToken).WaitAsync(Bound, cancellationToken);
            var graph = new TaskGraph();
            for (int i = 0; i < 20; i++)
                graph[("part", i)] = new TaskNode(ArrayOperations.Random, 1_000, (ulong)i);
            for (int i = 0; i < 20; i++)
                graph[("partial", i)] = new TaskNode(ArrayOperations.Sum, TaskArg.Ref(("part", i)));
            graph["grand"] = new TaskNode(ArrayOperations.SumScalars, ArgList.OfRefs(Enumerable.Range(0, 20).Select(i => (TaskKey)("partial", i))));
            string path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "performance-reports", "cli-center.html");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Delete(path);

            await client.PerformanceReportAsync(path, async () => await client.ComputeAsync(graph, ["grand"], cancellationToken), cancellationToken).WaitAsync(Bound, cancellationToken);

            var report = ReportDocument.Load(path);
            Assert.Multiple(() =>
            {
                Assert.That(report.PrefixCounts, Is.EquivalentTo(new Dictionary<string, int> { ["part"] = 20, ["partial"] = 20, ["grand"] = 1 }));
                Assert.That(report.Workers, Is.EqualTo(new[] { "report-1", "report-2" }));
                Assert.That(report.Count("tasks"), Is.EqualTo(41));
                Assert.That(report.Count("errors"), Is.Zero);
            });
            TestContext.AddTestAttachment(path, "a performance report of a remote center");
        }
        finally
        {
            CliRun.KillAll(worker1, worker2, center);
        }
    }
}
