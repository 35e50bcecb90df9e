using LazyDist.Collections;
using LazyDist.Graph;
using LazyDist.Schedulers.Local;

namespace LazyDist.Schedulers.Tests.Local;

/// <summary>The shared loop as a state machine: take and complete tasks by hand, check what it holds.</summary>
public class LocalRunTests
{
    [Test]
    public void Complete_LastDependentDone_DropsInputAtOnce()
    {
        var graph = new TaskGraph
        {
            ["x"] = TaskNode.FromValue(new double[] { 1, 2 }),
            ["y"] = new TaskNode(ArrayOperations.Sum, TaskArg.Ref("x")),
        };
        var run = LocalRun.Prepare(graph, ["y"]);
        Assert.That(run.TryTake(out int x), Is.True);
        run.Complete(x, run.Execute(x));
        Assert.That(run.TryTake(out int y), Is.True);
        run.Complete(y, run.Execute(y));
        Assert.Multiple(() =>
        {
            Assert.That(run.IsFinished, Is.True);
            Assert.That(run.Statistics.PeakHeldChunks, Is.EqualTo(1));
            Assert.That(run.Results(), Is.EqualTo(new object[] { 3.0 }));
        });
    }

    [Test]
    public void TryTake_DependentNotReadyUntilInputsComplete()
    {
        var run = LocalRun.Prepare(new TaskGraph
        {
            ["a"] = TaskNode.FromValue(1),
            ["b"] = TaskNode.Call((int v) => v + 1, TaskArg.Ref("a")),
        }, ["b"]);
        Assert.That(run.TryTake(out int a), Is.True);
        Assert.That(run.TryTake(out _), Is.False, "b waits for a");
        run.Complete(a, run.Execute(a));
        Assert.That(run.TryTake(out _), Is.True);
    }

    [Test]
    public void Release_FreshChunkReadOnlyByNonRetainingOps_IsRecycled()
    {
        const int length = 123_457;
        double[]? made = null;
        var fresh = OperationRegistry.Register("test.fresh-chunk", _ => made = new double[length], OpTraits.ReturnsFreshArray);
        var graph = new TaskGraph { ["x"] = new TaskNode(fresh), ["y"] = new TaskNode(ArrayOperations.Sum, TaskArg.Ref("x")) };
        new SynchronousScheduler().Get(graph, "y");
        Assert.That(ChunkPool.Rent<double>(length), Is.SameAs(made));
    }

    [Test]
    public void Release_ChunkReadByAnOpThatMayKeepIt_IsNotRecycled()
    {
        const int length = 123_459;
        var fresh = OperationRegistry.Register("test.fresh-chunk-2", _ => new double[length], OpTraits.ReturnsFreshArray);
        double[]? kept = null;
        var graph = new TaskGraph
        {
            ["x"] = new TaskNode(fresh),
            ["y"] = TaskNode.Call((double[] chunk) => { kept = chunk; return 0; }, TaskArg.Ref("x")),
        };
        new SynchronousScheduler().Get(graph, "y");
        Assert.That(ChunkPool.Rent<double>(length), Is.Not.SameAs(kept));
    }
}
