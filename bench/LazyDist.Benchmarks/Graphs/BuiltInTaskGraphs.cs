using LazyDist.Collections;
using LazyDist.Graph;

namespace LazyDist.Benchmarks.Graphs;

/// <summary>
/// The tiny-task graphs of <see cref="TinyTaskGraphs"/> made of built-in operations only, so that
/// they can run on worker processes (local delegates cannot travel): <c>("inc", i) = scalar.add(i, 1)</c>.
/// </summary>
public static class BuiltInTaskGraphs
{
    /// <summary>
    /// <paramref name="tasks"/> independent tasks <c>("inc", i) = i + 1</c> and <c>"total"</c> summing
    /// them with <c>scalar.sum</c>; the total is <c>tasks * (tasks + 1) / 2</c>.
    /// </summary>
    public static TaskGraph FanIn(int tasks)
    {
        var graph = new TaskGraph(tasks + 1);
        var keys = new TaskKey[tasks];
        for (int i = 0; i < tasks; i++)
        {
            keys[i] = new TaskKey("inc", i);
            graph[keys[i]] = new TaskNode(ArrayOperations.Add, (long)i, 1L);
        }
        graph[TinyTaskGraphs.Total] = new TaskNode(ArrayOperations.SumScalars, ArgList.OfRefs(keys));
        return graph;
    }

    /// <summary>The total of <see cref="FanIn"/>.</summary>
    public static long FanInTotal(int tasks) => (long)tasks * (tasks + 1) / 2;
}
