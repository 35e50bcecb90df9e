namespace LazyDist.Graph;

/// <summary>
/// The static priority of tasks: a depth-first post-order from the requested keys, visiting each
/// task's dependencies in argument order. A task therefore comes right after the inputs it needs,
/// and the inputs of the next task only after it: a scheduler that always runs the ready task of
/// lowest number finishes each reduction branch before starting the next (dask.order's "finish
/// what you started"), which keeps the number of live intermediates small. Tasks not reachable
/// from the requested keys come last, in key order, so the result is fully deterministic.
/// </summary>
internal static class PriorityOrder
{
    public static Dictionary<TaskKey, int> Compute(TaskGraph graph, IEnumerable<TaskKey>? keys)
    {
        var order = new Dictionary<TaskKey, int>(graph.Count);
        var visited = new HashSet<TaskKey>(graph.Count);
        var path = new List<(TaskKey Key, int Next)>();

        void Visit(TaskKey root)
        {
            if (!visited.Add(root))
                return;
            path.Add((root, 0));
            while (path.Count > 0)
            {
                var (key, next) = path[^1];
                var deps = graph.TryGetValue(key, out var node) ? node.Dependencies : [];
                if (next == deps.Count)
                {
                    if (node is not null)
                        order[key] = order.Count;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }
                path[^1] = (key, next + 1);
                if (visited.Add(deps[next]))
                    path.Add((deps[next], 0));
            }
        }

        foreach (var key in keys ?? [])
            Visit(key);
        if (order.Count < graph.Count)
        {
            foreach (var key in graph.Keys.Where(k => !visited.Contains(k)).Order())
                Visit(key);
        }
        return order;
    }
}
