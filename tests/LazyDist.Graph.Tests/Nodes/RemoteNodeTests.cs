using LazyDist.Schedulers;

namespace LazyDist.Graph.Tests.Nodes;

/// <summary>Remote nodes: keys already held on a cluster, which graphs may read but no local scheduler can make.</summary>
public class RemoteNodeTests
{
    private static TaskGraph Reading()
    {
        var g = new TaskGraph { ["held"] = TaskNode.Remote("held", "10.0.0.7:8786") };
        g["next"] = new TaskNode(GraphFixtures.Add, TaskArg.Ref("held"), 1);
        g["last"] = new TaskNode(GraphFixtures.Add, TaskArg.Ref("next"), 1);
        return g;
    }

    [Test]
    public void Remote_IsRemote_OthersAreNot()
    {
        Assert.That(TaskNode.Remote("held").IsRemote, Is.True);
        Assert.That(TaskNode.FromValue(1).IsRemote, Is.False);
    }

    [Test]
    public void Optimize_NeverFusesARemoteNodeIntoItsReader()
    {
        var optimized = GraphOptimizer.Optimize(Reading(), ["last"]);
        Assert.Multiple(() =>
        {
            Assert.That(optimized.ContainsKey("held"), Is.True);
            Assert.That(optimized["held"].IsRemote, Is.True);
            Assert.That(optimized["last"].Dependencies, Is.EqualTo(new TaskKey[] { "held" }), "the reader of the held key was fused, the held key not");
        });
    }

    [TestCase("sync")]
    [TestCase("threads")]
    public void LocalScheduler_FailsNamingTheKeyAndTheCluster(string kind)
    {
        IScheduler scheduler = kind == "sync" ? new SynchronousScheduler() : new ThreadedScheduler(2);
        var ex = Assert.Throws<TaskFailedException>(() => scheduler.Get(Reading(), "last"));
        Assert.That(ex!.InnerException, Is.TypeOf<InvalidOperationException>());
        Assert.That(ex.InnerException!.Message, Does.Contain("'held'").And.Contain("10.0.0.7:8786").And.Contain("DistributedScheduler"));
    }
}
