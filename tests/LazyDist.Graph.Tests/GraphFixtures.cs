using LazyDist.Collections;

namespace LazyDist.Graph.Tests;

/// <summary>Small graphs shared by the graph tests.</summary>
internal static class GraphFixtures
{
    public static readonly OpRef Add = OperationRegistry.TryGet("test.add", out var op)
        ? op
        : OperationRegistry.Register<int, int, int>("test.add", AddInts);

    public static int AddInts(int a, int b) => a + b;

    /// <summary>a = 1; b = a + 1; c = a + 2; d = b + c.</summary>
    public static TaskGraph Diamond()
    {
        var g = new TaskGraph();
        g["a"] = TaskNode.FromValue(1);
        g["b"] = new TaskNode(Add, TaskArg.Ref("a"), 1);
        g["c"] = new TaskNode(Add, TaskArg.Ref("a"), 2);
        g["d"] = new TaskNode(Add, TaskArg.Ref("b"), TaskArg.Ref("c"));
        return g;
    }

    /// <summary>The seed's hand-built graph: ("x", i) random chunks, ("y", i) sums, "total".</summary>
    public static TaskGraph Seed(int chunks, int chunkSize, ulong seed = 42)
    {
        var g = new TaskGraph();
        for (int i = 0; i < chunks; i++)
        {
            g[("x", i)] = new TaskNode(ArrayOperations.Random, chunkSize, Chunks.Seed(seed, i));
            g[("y", i)] = new TaskNode(ArrayOperations.Sum, TaskArg.Ref(("x", i)));
        }
        g["total"] = new TaskNode(ArrayOperations.Sum, ArgList.OfRefs(Enumerable.Range(0, chunks).Select(i => (TaskKey)("y", i))));
        return g;
    }
}
