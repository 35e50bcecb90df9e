namespace LazyDist.Graph;

/// <summary>Finds missing keys and cycles, by the shared <see cref="GraphWalk"/> (a 10,000-long chain needs no deep stack).</summary>
internal static class GraphValidation
{
    /// <exception cref="GraphValidationException">A key is missing or there is a cycle; the message names them.</exception>
    public static void Validate(TaskGraph graph, IEnumerable<TaskKey>? keys) =>
        GraphWalk.PostOrder(graph, keys?.ToList() ?? [.. graph.Keys], throwOnMissing: true, throwOnCycle: true);
}
