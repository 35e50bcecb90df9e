using LazyDist.Schedulers;

namespace LazyDist.Graph.Tests.Optimization;

public class GraphOptimizerTests
{
    private static TaskGraph Chain(int length)
    {
        var g = new TaskGraph();
        g[("c", 0)] = TaskNode.FromValue(1);
        for (int i = 1; i < length; i++)
            g[("c", i)] = new TaskNode(GraphFixtures.Add, TaskArg.Ref(("c", i - 1)), i);
        return g;
    }

    [Test]
    public void Optimize_Cull_DropsUnneededTasks()
    {
        var g = GraphFixtures.Diamond();
        g["unused"] = TaskNode.FromValue(5);
        var optimized = GraphOptimizer.Optimize(g, ["d"], OptimizationOptions.None with { Cull = true });
        Assert.That(optimized.ContainsKey("unused"), Is.False);
    }

    [Test]
    public void Optimize_LinearChain_FusedIntoNestedCalls_SameResult()
    {
        var g = Chain(6);
        var optimized = GraphOptimizer.Optimize(g, [("c", 5)]);
        Assert.Multiple(() =>
        {
            Assert.That(optimized.Count, Is.LessThan(g.Count));
            Assert.That(optimized.ContainsKey(("c", 5)), Is.True, "requested keys stay");
            Assert.That(new SynchronousScheduler().Get(optimized, ("c", 5)), Is.EqualTo(new SynchronousScheduler().Get(g, ("c", 5))));
        });
    }

    [Test]
    public void Optimize_LongChain_NestingBounded()
    {
        var g = Chain(200);
        var optimized = GraphOptimizer.Optimize(g, [("c", 199)], new OptimizationOptions(MaxInlineDepth: 4));
        int depth = optimized.Values.SelectMany(n => n.Args).OfType<TaskCall>().Select(c => c.Depth).DefaultIfEmpty(0).Max();
        Assert.Multiple(() =>
        {
            Assert.That(depth, Is.LessThanOrEqualTo(4));
            Assert.That(new ThreadedScheduler(2).Get(optimized, ("c", 199)), Is.EqualTo(1 + Enumerable.Range(1, 199).Sum()));
        });
    }

    [Test]
    public void Optimize_DiamondSharedInput_NotInlined()
    {
        var optimized = GraphOptimizer.Optimize(GraphFixtures.Diamond(), ["d"]);
        Assert.Multiple(() =>
        {
            Assert.That(optimized.ContainsKey("a"), Is.True, "a has two readers");
            Assert.That(new SynchronousScheduler().Get(optimized, "d"), Is.EqualTo(5));
        });
    }

    [Test]
    public void Optimize_SeedGraph_FusesRandomIntoSum_AndSerializes()
    {
        var g = GraphFixtures.Seed(4, 100);
        var optimized = GraphOptimizer.Optimize(g, ["total"]);
        var back = TaskGraph.Deserialize(optimized.Serialize());
        Assert.Multiple(() =>
        {
            Assert.That(optimized.Count, Is.EqualTo(5));
            Assert.That(optimized[("y", 0)].Args[0], Is.TypeOf<TaskCall>());
            Assert.That(new SynchronousScheduler().Get(back, "total"), Is.EqualTo(new SynchronousScheduler().Get(g, "total")));
        });
    }

    [Test]
    public void Optimize_None_CopiesTheGraph()
    {
        var g = GraphFixtures.Diamond();
        var same = GraphOptimizer.Optimize(g, ["d"], OptimizationOptions.None);
        Assert.That(same.Keys, Is.EquivalentTo(g.Keys));
    }

    [Test]
    public void TaskCall_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _ = new TaskCall(null!));
    }
}

public class TaskCallTests
{
    private static int _made;

    private static readonly OpRef Make = OperationRegistry.TryGet("test.make-chunk", out var op)
        ? op
        : OperationRegistry.Register<int, double[]>("test.make-chunk", MakeChunk, OpTraits.ReturnsFreshArray);

    private static double[] MakeChunk(int length)
    {
        Interlocked.Increment(ref _made);
        return ChunkPool.Rent<double>(length);
    }

    [Test]
    public void Execute_InlineFreshArray_ReturnedToPoolAfterTheCall()
    {
        // A 1 MB fresh array read by a RetainsNoInput operation: after the call it is free, so
        // the next rent of that length gets the very same buffer back.
        var node = new TaskNode(GraphFixtures.Sum, new TaskCall(new TaskNode(Make, 131_072)));
        _ = node.Execute(_ => null);
        var first = ChunkPool.Rent<double>(131_072);
        ChunkPool.Return(first);
        _ = node.Execute(_ => null);
        var again = ChunkPool.Rent<double>(131_072);
        Assert.That(again, Is.SameAs(first));
    }

    [Test]
    public void Serialize_NestedCall_RoundTrips()
    {
        var g = new TaskGraph();
        g["x"] = TaskNode.FromValue(2);
        g["y"] = new TaskNode(GraphFixtures.Add, new TaskCall(new TaskNode(GraphFixtures.Add, TaskArg.Ref("x"), 3)), 4);
        var back = TaskGraph.Deserialize(g.Serialize());
        Assert.Multiple(() =>
        {
            Assert.That(back["y"].Args[0], Is.TypeOf<TaskCall>());
            Assert.That(back["y"].Dependencies, Is.EqualTo(new[] { (TaskKey)"x" }));
            Assert.That(new SynchronousScheduler().Get(back, "y"), Is.EqualTo(9));
        });
    }
}
