using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Local;

public class ThreadedSchedulerTests
{
    [Test, CancelAfter(30_000)]
    public async Task Compute_TwoThreads_RunTwoTasksAtOnce()
    {
        // Each task waits at a barrier for the other: this completes only if both run at once.
        using var barrier = new Barrier(2);
        var graph = new TaskGraph
        {
            ["a"] = TaskNode.Call(() => barrier.SignalAndWait(TimeSpan.FromSeconds(20))),
            ["b"] = TaskNode.Call(() => barrier.SignalAndWait(TimeSpan.FromSeconds(20))),
        };
        var result = await new ThreadedScheduler(2).ComputeAsync(graph, ["a", "b"]).AsTask().WaitAsync(TimeSpan.FromSeconds(25));
        Assert.That(result, Is.EqualTo(new object[] { true, true }));
    }

    [Test, CancelAfter(120_000)]
    public async Task Compute_CancelledWhileTheLastTaskCompletes_CancelAndRunBothEnd(CancellationToken testToken)
    {
        // The token's callback and the thread finishing the run race for the run's lock; whichever wins,
        // both the run and the Cancel() call must end (the finishing thread once waited for the callback
        // while holding the lock the callback needed).
        var scheduler = new ThreadedScheduler(2);
        for (int round = 0; round < 400; round++)
        {
            using var cancel = new CancellationTokenSource();
            var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var graph = new TaskGraph
            {
                ["a"] = TaskNode.Call(() =>
                {
                    ThreadPool.UnsafeQueueUserWorkItem(_ =>
                    {
                        cancel.Cancel();
                        cancelled.SetResult();
                    }, null);
                    return 1;
                }),
            };
            try
            {
                await scheduler.ComputeAsync(graph, ["a"], cancel.Token).AsTask().WaitAsync(TimeSpan.FromSeconds(30), testToken);
            }
            catch (OperationCanceledException) when (!testToken.IsCancellationRequested)
            {
                // Cancelled before the task completed: also a right ending.
            }
            await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30), testToken);
        }
    }

    [Test]
    public void Constructor_ZeroThreads_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new ThreadedScheduler(0));
    }

    [Test]
    public void Default_OneThreadPerCore()
    {
        Assert.That(new ThreadedScheduler().Threads, Is.EqualTo(Environment.ProcessorCount));
    }
}
