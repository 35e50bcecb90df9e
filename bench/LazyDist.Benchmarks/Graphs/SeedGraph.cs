using LazyDist.Collections;
using LazyDist.Graph;

namespace LazyDist.Benchmarks.Graphs;

/// <summary>
/// The seed as a hand-built dict of tasks (the CLI's <c>--api graph</c>): <c>("x", i)</c> random
/// chunks, <c>("y", i)</c> their sums, and <c>"total"</c> summing every <c>("y", i)</c> in one fan-in.
/// </summary>
public static class SeedGraph
{
    /// <summary>The key of the total.</summary>
    public static readonly TaskKey Total = "total";

    /// <summary>The graph of <paramref name="chunks"/> chunks of <paramref name="chunkSize"/> doubles from <paramref name="seed"/>.</summary>
    public static TaskGraph Build(int chunks, int chunkSize, ulong seed)
    {
        var graph = new TaskGraph(2 * chunks + 1);
        for (int i = 0; i < chunks; i++)
        {
            graph[("x", i)] = new TaskNode(ArrayOperations.Random, chunkSize, Chunks.Seed(seed, i));
            graph[("y", i)] = new TaskNode(ArrayOperations.Sum, TaskArg.Ref(("x", i)));
        }
        graph[Total] = new TaskNode(ArrayOperations.Sum, ArgList.OfRefs(Enumerable.Range(0, chunks).Select(i => (TaskKey)("y", i))));
        return graph;
    }
}
