namespace LazyDist.Graph.Tests;

/// <summary>Small graphs shared by the graph tests.</summary>
internal static class GraphFixtures
{
    public static readonly OpRef Add = OperationRegistry.TryGet("test.add", out var op)
        ? op
        : OperationRegistry.Register<int, int, int>("test.add", AddInts);

    public static int AddInts(int a, int b) => a + b;

    /// <summary><c>"test.random"</c>: a fresh array of <c>length</c> values in [0, 1) from <c>seed</c>.</summary>
    public static readonly OpRef Random = OperationRegistry.TryGet("test.random", out var random)
        ? random
        : OperationRegistry.Register<int, ulong, double[]>("test.random", RandomChunk, OpTraits.ReturnsFreshArray);

    /// <summary><c>"test.sum"</c>: the sum of a chunk; it keeps no reference to its input.</summary>
    public static readonly OpRef Sum = OperationRegistry.TryGet("test.sum", out var sum)
        ? sum
        : OperationRegistry.Register<double[], double>("test.sum", SumChunk, OpTraits.RetainsNoInput);

    /// <summary>SplitMix64's stream, scaled to [0, 1): enough randomness for graph tests, and the same on any machine.</summary>
    public static double[] RandomChunk(int length, ulong seed)
    {
        var chunk = new double[length];
        ulong state = seed;
        for (int i = 0; i < length; i++)
        {
            ulong z = state += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            chunk[i] = ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
        }
        return chunk;
    }

    public static double SumChunk(double[] chunk) => chunk.Sum();

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
            g[("x", i)] = new TaskNode(Random, chunkSize, seed * 1_000_003 + (ulong)i);
            g[("y", i)] = new TaskNode(Sum, TaskArg.Ref(("x", i)));
        }
        g["total"] = new TaskNode(Sum, ArgList.OfRefs(Enumerable.Range(0, chunks).Select(i => (TaskKey)("y", i))));
        return g;
    }
}
