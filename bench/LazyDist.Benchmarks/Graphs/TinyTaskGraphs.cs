using LazyDist.Graph;

namespace LazyDist.Benchmarks.Graphs;

/// <summary>
/// Graphs of tiny integer tasks that measure a scheduler's per-task overhead: the work of each
/// task (an addition) is negligible, so the time per task is the scheduler's own cost. Every task
/// is made with <c>TaskNode.Call</c>, as user code would write it.
/// </summary>
public static class TinyTaskGraphs
{
    /// <summary>The key of the final task of <see cref="FanIn"/> and <see cref="Million"/>.</summary>
    public static readonly TaskKey Total = "total";

    /// <summary>
    /// <paramref name="tasks"/> independent tasks <c>("inc", i) = i + 1</c> and one task <c>"total"</c>
    /// that sums them all (dask_seed.py's overhead mode: <c>delayed(sum)([delayed(inc)(i) ...])</c>).
    /// The total is <c>tasks * (tasks + 1) / 2</c>.
    /// </summary>
    public static TaskGraph FanIn(int tasks)
    {
        var graph = new TaskGraph(tasks + 1);
        var keys = new TaskKey[tasks];
        for (int i = 0; i < tasks; i++)
        {
            keys[i] = new TaskKey("inc", i);
            graph[keys[i]] = TaskNode.Call((int x) => x + 1, i);
        }
        graph[Total] = TaskNode.Call((object?[] xs) => SumOf(xs), ArgList.OfRefs(keys));
        return graph;
    }

    /// <summary>
    /// A chain of <paramref name="length"/> tasks, each adding 1 to the one before:
    /// <c>("chain", 0) = 0 + 1</c>, <c>("chain", i) = ("chain", i - 1) + 1</c>. The last one's value is <paramref name="length"/>.
    /// </summary>
    public static TaskGraph Chain(int length)
    {
        var graph = new TaskGraph(length);
        graph[ChainEnd(1)] = TaskNode.Call((int x) => x + 1, 0);
        for (int i = 1; i < length; i++)
            graph[ChainEnd(i + 1)] = TaskNode.Call((int x) => x + 1, TaskArg.Ref(ChainEnd(i)));
        return graph;
    }

    /// <summary>The key of the last task of a chain of <paramref name="length"/> tasks.</summary>
    public static TaskKey ChainEnd(int length) => new("chain", length - 1);

    /// <summary>
    /// A graph of about a million tasks: <paramref name="leaves"/> independent tasks
    /// <c>("inc", i) = i + 1</c>, as many tasks <c>("double", i) = 2 * ("inc", i)</c> reading them, and a
    /// tree that sums the doubles <paramref name="fanIn"/> at a time, level by level, up to <c>"total"</c>.
    /// The total is <c>leaves * (leaves + 1)</c>.
    /// </summary>
    public static TaskGraph Million(int leaves, int fanIn)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fanIn, 2);
        var graph = new TaskGraph(2 * leaves + (leaves / (fanIn - 1)) + 1);
        var level = new List<TaskKey>(leaves);
        for (int i = 0; i < leaves; i++)
        {
            var inc = new TaskKey("inc", i);
            var doubled = new TaskKey("double", i);
            graph[inc] = TaskNode.Call((int x) => x + 1, i);
            graph[doubled] = TaskNode.Call((int x) => 2L * x, TaskArg.Ref(inc));
            level.Add(doubled);
        }
        for (int depth = 1; level.Count > fanIn; depth++)
        {
            var next = new List<TaskKey>((level.Count + fanIn - 1) / fanIn);
            string name = $"sum-{depth}";
            for (int start = 0; start < level.Count; start += fanIn)
            {
                var key = new TaskKey(name, next.Count);
                graph[key] = TaskNode.Call((object?[] xs) => SumOf(xs), ArgList.OfRefs(level.Skip(start).Take(fanIn)));
                next.Add(key);
            }
            level = next;
        }
        graph[Total] = TaskNode.Call((object?[] xs) => SumOf(xs), ArgList.OfRefs(level));
        return graph;
    }

    private static long SumOf(object?[] values)
    {
        long sum = 0;
        foreach (var value in values)
        {
            sum += value switch
            {
                int i => i,
                long l => l,
                _ => throw new InvalidCastException($"cannot sum a {value?.GetType().Name ?? "null"}"),
            };
        }
        return sum;
    }
}
