using LazyDist.Collections;
using LazyDist.Distributed;
using LazyDist.Graph;
using LazyDist.Schedulers.Tests.Distributed.Security;

namespace LazyDist.Schedulers.Tests.Distributed.Center;

/// <summary>What the center and the worker log for an operator: graphs submitted, task failures, workers leaving; waited for by line, never by time.</summary>
[TestFixture]
public sealed class CenterLogTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Test, CancelAfter(120_000)]
    public async Task FailingTask_CenterLogsSubmissionAndFailure_WorkerLogsFailure_LeavingIsNoWarning(CancellationToken cancellationToken)
    {
        var centerLog = new RecordingLog();
        var workerLog = new RecordingLog();
        await using var center = await CenterHost.StartAsync(new CenterOptions { Port = 0 }, centerLog);
        var worker = await WorkerHost.StartAsync(new WorkerOptions { CenterAddress = center.Address, Name = "logged-worker", Threads = 1 }, workerLog);
        await center.WaitForWorkersAsync(1, cancellationToken);
        await using (var client = await DistributedScheduler.ConnectAsync(center.Address, cancellationToken: cancellationToken))
        {
            var graph = new TaskGraph
            {
                ["fine"] = new TaskNode(ArrayOperations.Increment, 1L),
                ["boom"] = TaskNode.Call((long v) => v > 0 ? throw new InvalidOperationException("boom went the task") : v, TaskArg.Ref("fine")),
            };
            Assert.ThrowsAsync<TaskFailedException>(async () => await client.ComputeAsync(graph, ["boom"], cancellationToken).AsTask().WaitAsync(Bound, cancellationToken));
            await centerLog.WaitForAsync(l => l.StartsWith("Information lazydist.center: client ", StringComparison.Ordinal) && l.Contains("submitted 2 tasks, 1 wanted", StringComparison.Ordinal)).WaitAsync(Bound, cancellationToken);
            string failed = await centerLog.WaitForAsync(l => l.Contains("task 'boom' failed", StringComparison.Ordinal)).WaitAsync(Bound, cancellationToken);
            Assert.That(failed, Is.EqualTo("Warning lazydist.center: task 'boom' failed on worker logged-worker: System.InvalidOperationException: boom went the task"));
            string workerFailed = await workerLog.WaitForAsync(l => l.Contains("task 'boom' failed", StringComparison.Ordinal)).WaitAsync(Bound, cancellationToken);
            Assert.That(workerFailed, Is.EqualTo("Warning lazydist.worker: task 'boom' failed: System.InvalidOperationException: boom went the task"));
        }
        await worker.DisposeAsync();
        string left = await centerLog.WaitForAsync(l => l.Contains("worker logged-worker left", StringComparison.Ordinal)).WaitAsync(Bound, cancellationToken);
        Assert.That(left, Does.StartWith("Information ").And.Contain("nothing to recompute"), "a worker leaving with nothing anyone needs is no warning");
    }

    [Test, CancelAfter(120_000)]
    public async Task WorkerLost_HoldingANeededResult_WarningNamesWhatIsRecomputed(CancellationToken cancellationToken)
    {
        var centerLog = new RecordingLog();
        await using var center = await CenterHost.StartAsync(new CenterOptions { Port = 0 }, centerLog);
        var first = await WorkerHost.StartAsync(new WorkerOptions { CenterAddress = center.Address, Name = "first-worker", Threads = 1 });
        await center.WaitForWorkersAsync(1, cancellationToken);
        await using var client = await DistributedScheduler.ConnectAsync(center.Address, cancellationToken: cancellationToken);
        var future = client.Submit(static (long v) => v + 1, 41L, key: "kept");
        Assert.That(await future.ResultAsync(cancellationToken).WaitAsync(Bound, cancellationToken), Is.EqualTo(42L));
        await using var second = await WorkerHost.StartAsync(new WorkerOptions { CenterAddress = center.Address, Name = "second-worker", Threads = 1 });
        await center.WaitForWorkersAsync(2, cancellationToken);
        await first.DisposeAsync();
        string lost = await centerLog.WaitForAsync(l => l.Contains("worker first-worker lost", StringComparison.Ordinal)).WaitAsync(Bound, cancellationToken);
        Assert.That(lost, Does.StartWith("Warning ").And.Contain("1 results only it held ('kept')"));
        Assert.That(await future.ResultAsync(cancellationToken).WaitAsync(Bound, cancellationToken), Is.EqualTo(42L), "recomputed on the second worker");
    }
}
