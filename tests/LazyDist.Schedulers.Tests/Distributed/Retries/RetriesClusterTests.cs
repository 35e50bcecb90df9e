using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Retries;

/// <summary>Retries on real worker processes: a task that throws its first times succeeds within its retries, and fails with its own error past them.</summary>
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
}
