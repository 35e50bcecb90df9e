namespace LazyDist.Graph;

/// <summary>
/// The static priority of tasks: their position in the shared <see cref="GraphWalk"/> from the
/// requested keys. A task therefore comes right after the inputs it needs, and the inputs of the
/// next task only after it: a scheduler that always runs the ready task of lowest number finishes
/// each reduction branch before starting the next (dask.order's "finish what you started"), which
/// keeps the number of live intermediates small. Tasks not reachable from the requested keys come
/// last, in key order, so the result is fully deterministic.
/// </summary>
internal static class PriorityOrder
{
    public static Dictionary<TaskKey, int> Compute(TaskGraph graph, IEnumerable<TaskKey>? keys)
    {
        var visited = new Dictionary<TaskKey, byte>(graph.Count);
        var order = new Dictionary<TaskKey, int>(graph.Count);
        foreach (var (key, _) in GraphWalk.PostOrder(graph, keys ?? [], throwOnMissing: false, throwOnCycle: false, visited))
            order[key] = order.Count;
        if (order.Count < graph.Count)
        {
            var rest = graph.Keys.Where(k => !visited.ContainsKey(k)).Order().ToList();
            foreach (var (key, _) in GraphWalk.PostOrder(graph, rest, throwOnMissing: false, throwOnCycle: false, visited))
                order[key] = order.Count;
        }
        return order;
    }
}
