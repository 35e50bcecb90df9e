using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Wire;

/// <summary>
/// Results larger than 2 GB, on real worker processes: they travel to the client in parts, or, over a
/// worker's configured bound, fail their task by key and size while the worker carries on. (Before,
/// a 2.4 GB double[] killed every worker that made it and left the client waiting for ever.)
/// Each test holds a few GB at its peak; NUnit runs them one at a time.
/// </summary>
[NonParallelizable]
public class HugeResultTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);

    [Test, CancelAfter(360_000)]
    public async Task Compute_DoublesOf2400MB_ReachTheClientIntact()
    {
        const int length = 300_000_000;
        await using var cluster = await LocalCluster.StartAsync(workers: 1);
        var graph = new TaskGraph { ["huge"] = TaskNode.Call((int n) => Ramp(n), length) };
        var value = (double[])(await cluster.ComputeAsync(graph, ["huge"]).AsTask().WaitAsync(Bound))[0]!;
        Assert.Multiple(() =>
        {
            Assert.That(value, Has.Length.EqualTo(length));
            Assert.That(new[] { value[0], value[1], value[268_435_456], value[length - 1] }, Is.EqualTo(new[] { 0.0, 1.0, 268_435_456.0, length - 1.0 }));
            Assert.That(cluster.Center.WorkerCount, Is.EqualTo(1), "the worker that made it lives");
        });
    }

    [Test, CancelAfter(360_000)]
    public async Task Compute_ResultOverTheWorkersMaximum_TaskFailsByKeyAndSize_WorkerCarriesOn()
    {
        await using var cluster = await LocalCluster.StartAsync(new LocalClusterOptions { Workers = 1, MaxResultBytes = 1_000_000 });
        int pid = cluster.WorkerProcessIds.Single();
        var graph = new TaskGraph { [("big", 2)] = TaskNode.Call((int n) => Ramp(n), 1_000_000) };
        var ex = Assert.ThrowsAsync<TaskFailedException>(async () => await cluster.ComputeAsync(graph, [("big", 2)]).AsTask().WaitAsync(Bound));
        var small = new TaskGraph { ["small"] = TaskNode.Call((int n) => Ramp(n), 10) };
        var after = (double[])(await cluster.ComputeAsync(small, ["small"]).AsTask().WaitAsync(Bound))[0]!;
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Key, Is.EqualTo((TaskKey)("big", 2)));
            Assert.That(ex.ExceptionType, Does.EndWith("ResultTooLargeException"));
            Assert.That(ex.Message, Does.Contain("8.0 MB (8000000 bytes) of Double[], more than 1.0 MB (1000000 bytes)"));
            Assert.That(after, Has.Length.EqualTo(10));
            Assert.That(cluster.WorkerProcessIds.Single(), Is.EqualTo(pid));
        });
    }

    [Test, Explicit("holds 4 GB: run by hand (dotnet test --filter Name~ArrayMaxLength)"), CancelAfter(360_000)]
    public async Task Compute_BytesOfArrayMaxLength_ReachTheClient()
    {
        await using var cluster = await LocalCluster.StartAsync(workers: 1);
        var graph = new TaskGraph { ["max"] = TaskNode.Call((int n) => Bytes(n), Array.MaxLength) };
        var value = (byte[])(await cluster.ComputeAsync(graph, ["max"]).AsTask().WaitAsync(Bound))[0]!;
        Assert.Multiple(() =>
        {
            Assert.That(value, Has.Length.EqualTo(Array.MaxLength));
            Assert.That(new[] { value[0], value[^1] }, Is.EqualTo(new byte[] { 7, 7 }));
        });
    }

    private static double[] Ramp(int length)
    {
        var values = GC.AllocateUninitializedArray<double>(length);
        for (int i = 0; i < values.Length; i++)
            values[i] = i;
        return values;
    }

    private static byte[] Bytes(int length)
    {
        var bytes = GC.AllocateUninitializedArray<byte>(length);
        bytes.AsSpan().Fill(7);
        return bytes;
    }
}
