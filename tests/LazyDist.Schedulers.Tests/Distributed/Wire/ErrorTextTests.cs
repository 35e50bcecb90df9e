using LazyDist.Distributed.Wire;
using LazyDist.Graph;
using LazyDist.Schedulers.Tests.Distributed.Security;

namespace LazyDist.Schedulers.Tests.Distributed.Wire;

public class ErrorTextTests
{
    [Test]
    public void Bound_ShortText_Unchanged() => Assert.That(ErrorText.Bound("boom"), Is.EqualTo("boom"));

    [Test, CancelAfter(120_000)]
    public async Task Compute_TaskThrowsAMessageOf30MB_FailsWithTheMessageCut_WorkerStaysJoined()
    {
        await using var cluster = await GuardedCluster.StartAsync();
        var graph = new TaskGraph { ["loud"] = TaskNode.Call((int n) => Throw(n), 30_000_000) };
        var ex = Assert.ThrowsAsync<TaskFailedException>(async () => await cluster.Client.ComputeAsync(graph, ["loud"]).AsTask().WaitAsync(GuardedCluster.Bound));
        Assert.Multiple(async () =>
        {
            Assert.That(ex!.Message, Does.Contain($"... ({30_000_000 - ErrorText.MaxLength} more characters cut)"));
            Assert.That(ex.ExceptionType, Is.EqualTo(typeof(InvalidOperationException).FullName));
            Assert.That(await cluster.StillServesAsync("after-loud"), Is.EqualTo(42));
            Assert.That(cluster.Center.WorkerCount, Is.EqualTo(1));
        });
    }

    private static int Throw(int length) => throw new InvalidOperationException(new string('!', length));
}
