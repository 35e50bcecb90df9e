namespace LazyDist.Graph;

/// <summary>Keeps only the tasks that the requested keys need (dask's <c>cull</c>).</summary>
internal static class GraphCulling
{
    public static TaskGraph Cull(TaskGraph graph, IEnumerable<TaskKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var culled = new TaskGraph();
        var stack = new Stack<TaskKey>();
        foreach (var key in keys)
        {
            if (!graph.TryGetValue(key, out var node))
                throw GraphValidationException.MissingRequested(key);
            if (culled.ContainsKey(key))
                continue;
            culled[key] = node;
            stack.Push(key);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                foreach (var dep in culled[current].Dependencies)
                {
                    if (culled.ContainsKey(dep))
                        continue;
                    if (!graph.TryGetValue(dep, out var depNode))
                        throw GraphValidationException.MissingDependency(current, dep);
                    culled[dep] = depNode;
                    stack.Push(dep);
                }
            }
        }
        return culled;
    }
}
