namespace LazyDist.Graph;

/// <summary>Keeps only the tasks that the requested keys need (dask's <c>cull</c>), by the shared <see cref="GraphWalk"/>.</summary>
internal static class GraphCulling
{
    /// <exception cref="GraphValidationException">A requested key or a dependency is missing.</exception>
    public static TaskGraph Cull(TaskGraph graph, IEnumerable<TaskKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return new TaskGraph(GraphWalk.PostOrder(graph, keys, throwOnMissing: true, throwOnCycle: false));
    }
}
