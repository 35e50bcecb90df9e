using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Retries;

/// <summary>
/// Retries on real worker processes: a task that throws its first times succeeds within its retries,
/// and fails with its own error past them; <c>retries:</c> per call (dask's <c>client.submit(...,
/// retries=n)</c>) overrides the client's default either way; a worker that dies running the task
/// never counts as a retry nor reaches the caller.
/// </summary>
public class RetriesClusterTests
{
    private string _counter = "";

    [SetUp]
    public void MakeCounter() => _counter = Path.Combine(Path.GetTempPath(), $"lazydist-retries-{Guid.NewGuid():N}");

    [TearDown]
    public void RemoveCounter() => File.Delete(_counter);

    /// <summary>A task that throws on its first two runs (counted in a file every run appends to), then returns its run number.</summary>
    private static TaskGraph FlakyGraph(string counter) => new()
    {
        ["flaky"] = TaskNode.Call((string path) =>
        {
            File.AppendAllText(path, "run\n");
            int runs = File.ReadAllLines(path).Length;
            return runs <= 2 ? throw new InvalidOperationException($"flaky run {runs}") : (long)runs;
        }, counter),
    };

    [Test, CancelAfter(180_000)]
    public async Task Compute_ThrowsTwice_TwoRetries_ReturnsTheThirdRun()
    {
        await using var cluster = await LocalCluster.StartAsync(workers: 2);
        var values = await cluster.Client.ComputeAsync(FlakyGraph(_counter), ["flaky"], retries: 2);
        Assert.That(values[0], Is.EqualTo(3L));
    }

    [Test, CancelAfter(180_000)]
    public async Task Compute_ThrowsTwice_OneRetry_FailsWithItsOwnSecondError()
    {
        await using var cluster = await LocalCluster.StartAsync(workers: 1);
        cluster.Client.Retries = 1;
        var error = Assert.ThrowsAsync<TaskFailedException>(async () => await cluster.ComputeAsync(FlakyGraph(_counter), ["flaky"]));
        Assert.That(error!.Message, Does.Contain("flaky run 2").And.Contain("InvalidOperationException"));
        Assert.That(File.ReadAllLines(_counter), Has.Length.EqualTo(2), "run once, retried once");
    }

    /// <summary>Counts its runs in the file; throws on the first <paramref name="failures"/>, then returns its run number.</summary>
    private static long Flaky(string path, int failures)
    {
        File.AppendAllText(path, "run\n");
        int runs = File.ReadAllLines(path).Length;
        return runs <= failures ? throw new InvalidOperationException($"flaky run {runs}") : runs;
    }

    [Test, CancelAfter(180_000)]
    public async Task Submit_ThrowsTwice_RetriesTwoOnTheCall_ReturnsTheThirdRun()
    {
        await using var cluster = await LocalCluster.StartAsync(workers: 2);
        var future = cluster.Client.Submit((string path, int failures) => Flaky(path, failures), _counter, 2, pure: false, retries: 2);
        Assert.That(await future.ResultAsync().WaitAsync(TimeSpan.FromMinutes(2)), Is.EqualTo(3L));
    }

    [Test, CancelAfter(180_000)]
    public async Task Submit_RetriesZeroOnTheCall_OverridesTheClientDefault_FirstErrorReachesTheCaller()
    {
        await using var cluster = await LocalCluster.StartAsync(workers: 1);
        cluster.Client.Retries = 5;
        var future = cluster.Client.Submit((string path, int failures) => Flaky(path, failures), _counter, 1, pure: false, retries: 0);
        var error = Assert.ThrowsAsync<TaskFailedException>(async () => await future.ResultAsync().WaitAsync(TimeSpan.FromMinutes(2)));
        Assert.That(error!.Message, Does.Contain("flaky run 1"));
        Assert.That(File.ReadAllLines(_counter), Has.Length.EqualTo(1), "run once, not retried");
    }

    [Test, CancelAfter(180_000)]
    public async Task Map_RetriesOnTheCall_EveryItemRetriedOnItsOwn()
    {
        await using var cluster = await LocalCluster.StartAsync(workers: 2);
        string[] counters = [_counter + "-a", _counter + "-b", _counter + "-c"];
        try
        {
            var futures = cluster.Client.Map((string path) => Flaky(path, 1), counters, pure: false, retries: 1);
            var values = await cluster.Client.GatherAsync(futures).WaitAsync(TimeSpan.FromMinutes(2));
            Assert.That(values, Is.EqualTo(new[] { 2L, 2L, 2L }));
        }
        finally
        {
            foreach (var counter in counters)
                File.Delete(counter);
        }
    }

    [Test, CancelAfter(240_000)]
    public async Task Submit_WorkerDiesRunningTheTask_NoRetries_NotCountedAndNeverSeen_ValueReturned()
    {
        await using var cluster = await LocalCluster.StartAsync(workers: 2);
        // The first run kills its own worker process (SIGKILL); the rerun, elsewhere or on the restarted worker, returns.
        var future = cluster.Client.Submit((string path) =>
        {
            File.AppendAllText(path, "run\n");
            int runs = File.ReadAllLines(path).Length;
            if (runs == 1)
                System.Diagnostics.Process.GetCurrentProcess().Kill();
            return (long)runs;
        }, _counter, pure: false, retries: 0);
        Assert.That(await future.ResultAsync().WaitAsync(TimeSpan.FromMinutes(3)), Is.EqualTo(2L));
    }
}
