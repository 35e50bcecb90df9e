namespace LazyDist.Graph;

/// <summary>
/// Rewrites a graph into an equivalent, cheaper one before it runs (dask's <c>optimize</c>):
/// cull, then blockwise fusion through the registered <see cref="IFusionRule"/>s, then linear
/// fusion of single-reader chains. Requested keys and <see cref="TaskNode.Remote"/> nodes (data
/// already on a cluster) are never fused away; every other key may be.
/// The result depends only on the graph and the keys, so it is the same in every process.
/// </summary>
public static class GraphOptimizer
{
    /// <summary>The optimized graph for computing <paramref name="keys"/>.</summary>
    /// <exception cref="GraphValidationException">A key or a dependency is missing (when culling).</exception>
    public static TaskGraph Optimize(TaskGraph graph, IReadOnlyCollection<TaskKey> keys, OptimizationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(keys);
        options ??= OptimizationOptions.Default;
        var result = options.Cull ? graph.Cull(keys) : graph.Clone();
        if (!options.BlockwiseFusion && !options.LinearFusion)
            return result;
        var requested = new HashSet<TaskKey>(keys);
        var dependents = Dependents(result);
        var order = ProducersFirst(result, keys);
        if (order is null)
            return result; // a cycle: leave it for validation to report
        if (options.BlockwiseFusion)
            Fuse(result, order, dependents, requested, Blockwise);
        if (options.LinearFusion)
            Fuse(result, order, dependents, requested, (node, inlinable) => Linear(node, inlinable, options.MaxInlineDepth));
        return result;
    }

    private static TaskNode? Blockwise(TaskNode node, Func<TaskKey, TaskNode?> inlinable) =>
        FusionRules.TryGet(node.Op, out var rule) ? rule.TryFuse(node, inlinable) : null;

    /// <summary>Inlines the single dependency of a task when nothing else reads it.</summary>
    private static TaskNode? Linear(TaskNode node, Func<TaskKey, TaskNode?> inlinable, int maxDepth)
    {
        if (node.Dependencies.Count != 1 || inlinable(node.Dependencies[0]) is not { } producer)
            return null;
        var key = node.Dependencies[0];
        int refs = 0;
        var args = new TaskArg[node.Args.Count];
        for (int i = 0; i < args.Length; i++)
        {
            if (node.Args[i] is TaskRef r && r.Key == key)
            {
                refs++;
                args[i] = new TaskCall(producer);
            }
            else if (node.Args[i] is TaskCall or ArgList && Mentions(node.Args[i], key))
            {
                return null;
            }
            else
            {
                args[i] = node.Args[i];
            }
        }
        if (refs != 1 || args.OfType<TaskCall>().Max(c => c.Depth) > maxDepth)
            return null;
        return new TaskNode(node.Op, args);
    }

    private static bool Mentions(TaskArg arg, TaskKey key)
    {
        var refs = new List<TaskKey>();
        arg.CollectReferences(refs);
        return refs.Contains(key);
    }

    private static void Fuse(TaskGraph graph, List<TaskKey> order, Dictionary<TaskKey, HashSet<TaskKey>> dependents,
        HashSet<TaskKey> requested, Func<TaskNode, Func<TaskKey, TaskNode?>, TaskNode?> rewrite)
    {
        foreach (var key in order)
        {
            if (!graph.TryGetValue(key, out var node))
                continue;
            TaskNode? Inlinable(TaskKey dep) =>
                !requested.Contains(dep) && graph.TryGetValue(dep, out var producer) && !producer.IsRemote &&
                dependents.TryGetValue(dep, out var readers) && readers.Count == 1 && readers.Contains(key)
                    ? producer
                    : null;
            // Again after each merge: a producer's inputs may now have this task as their only reader.
            while (rewrite(node, Inlinable) is { } fused)
            {
                graph[key] = fused;
                var kept = new HashSet<TaskKey>(fused.Dependencies);
                foreach (var dep in node.Dependencies)
                {
                    if (kept.Contains(dep))
                        continue;
                    // The producer was merged into this task: its inputs are now read by this task.
                    if (!graph.TryGetValue(dep, out var merged))
                        continue;
                    foreach (var input in merged.Dependencies)
                    {
                        if (dependents.TryGetValue(input, out var readers))
                        {
                            readers.Remove(dep);
                            readers.Add(key);
                        }
                    }
                    graph.Remove(dep);
                    dependents.Remove(dep);
                }
                node = fused;
            }
        }
    }

    private static Dictionary<TaskKey, HashSet<TaskKey>> Dependents(TaskGraph graph)
    {
        var dependents = new Dictionary<TaskKey, HashSet<TaskKey>>(graph.Count);
        foreach (var key in graph.Keys)
            dependents[key] = [];
        foreach (var (key, node) in graph)
        {
            foreach (var dep in node.Dependencies)
            {
                if (dependents.TryGetValue(dep, out var set))
                    set.Add(key);
            }
        }
        return dependents;
    }

    /// <summary>Producers before consumers (the shared <see cref="GraphWalk"/> from the requested keys, then the rest); null on a cycle.</summary>
    private static List<TaskKey>? ProducersFirst(TaskGraph graph, IReadOnlyCollection<TaskKey> keys)
    {
        try
        {
            var visited = new Dictionary<TaskKey, byte>(graph.Count);
            var order = GraphWalk.PostOrder(graph, keys, throwOnMissing: false, throwOnCycle: true, visited).Select(p => p.Key).ToList();
            if (order.Count < graph.Count)
                order.AddRange(GraphWalk.PostOrder(graph, [.. graph.Keys.Where(k => !visited.ContainsKey(k))], throwOnMissing: false, throwOnCycle: true, visited).Select(p => p.Key));
            return order;
        }
        catch (GraphValidationException)
        {
            return null;
        }
    }
}
