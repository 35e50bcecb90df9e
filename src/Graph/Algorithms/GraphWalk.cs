using System.Runtime.InteropServices;

namespace LazyDist.Graph;

/// <summary>
/// The one walk of a graph that culling, validation, the static priority order, the optimizer and
/// every scheduler share: depth first from the requested keys in their order, each task's inputs in
/// argument order, each task once and right after all its inputs (a post-order). Iterative, so a
/// chain of a million tasks needs no deep stack. Missing keys and cycles throw, naming them, or are
/// passed over, as the caller asks.
/// </summary>
internal static class GraphWalk
{
    private const byte OnPath = 1, Done = 2;

    /// <summary>The tasks reachable from <paramref name="roots"/>, each after its inputs.</summary>
    /// <param name="graph">The tasks, by key.</param>
    /// <param name="roots">Where to start, in order.</param>
    /// <param name="throwOnMissing">A missing requested key or dependency throws (otherwise it is passed over).</param>
    /// <param name="throwOnCycle">A cycle throws (otherwise the edge that closes it is passed over).</param>
    /// <param name="visited">Keys walked already (and then not walked again), or null for a fresh walk.</param>
    /// <exception cref="GraphValidationException">A missing key or a cycle, when asked to throw; the message names them.</exception>
    public static List<KeyValuePair<TaskKey, TaskNode>> PostOrder(TaskGraph graph, IEnumerable<TaskKey> roots, bool throwOnMissing, bool throwOnCycle,
        Dictionary<TaskKey, byte>? visited = null)
    {
        var state = visited ?? new Dictionary<TaskKey, byte>(graph.Count);
        var order = new List<KeyValuePair<TaskKey, TaskNode>>(graph.Count);
        var path = new List<(TaskKey Key, TaskNode Node, int Next)>();
        foreach (var root in roots)
        {
            if (!graph.TryGetValue(root, out var rootNode))
            {
                if (throwOnMissing)
                    throw GraphValidationException.MissingRequested(root);
                continue;
            }
            if (!state.TryAdd(root, OnPath))
                continue;
            path.Add((root, rootNode, 0));
            while (path.Count > 0)
            {
                var (key, node, next) = path[^1];
                var deps = node.Dependencies;
                if (next == deps.Count)
                {
                    state[key] = Done;
                    order.Add(new KeyValuePair<TaskKey, TaskNode>(key, node));
                    path.RemoveAt(path.Count - 1);
                    continue;
                }
                path[^1] = (key, node, next + 1);
                var dep = deps[next];
                ref byte seen = ref CollectionsMarshal.GetValueRefOrAddDefault(state, dep, out bool known);
                if (known)
                {
                    if (seen == OnPath && throwOnCycle)
                        throw Cycle(path, dep);
                    continue;
                }
                if (!graph.TryGetValue(dep, out var depNode))
                {
                    if (throwOnMissing)
                        throw GraphValidationException.MissingDependency(key, dep);
                    seen = Done;
                    continue;
                }
                seen = OnPath;
                path.Add((dep, depNode, 0));
            }
        }
        return order;
    }

    private static GraphValidationException Cycle(List<(TaskKey Key, TaskNode Node, int Next)> path, TaskKey repeated)
    {
        int start = path.FindIndex(p => p.Key == repeated);
        var cycle = path.Skip(start).Select(p => p.Key).Append(repeated).ToList();
        return new GraphValidationException($"cycle in graph: {string.Join(" -> ", cycle)}", cycle);
    }
}
