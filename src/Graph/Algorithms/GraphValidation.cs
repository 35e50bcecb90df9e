namespace LazyDist.Graph;

/// <summary>Finds missing keys and cycles, iteratively (a 10,000-long chain needs no deep stack).</summary>
internal static class GraphValidation
{
    private const byte Unseen = 0, OnPath = 1, Done = 2;

    public static void Validate(TaskGraph graph, IEnumerable<TaskKey>? keys)
    {
        var roots = keys?.ToList() ?? [.. graph.Keys];
        foreach (var key in roots)
        {
            if (!graph.ContainsKey(key))
                throw GraphValidationException.MissingRequested(key);
        }

        var state = new Dictionary<TaskKey, byte>(graph.Count);
        var path = new List<(TaskKey Key, int Next)>();
        foreach (var root in roots)
        {
            if (state.GetValueOrDefault(root) != Unseen)
                continue;
            state[root] = OnPath;
            path.Add((root, 0));
            while (path.Count > 0)
            {
                var (key, next) = path[^1];
                var deps = graph[key].Dependencies;
                if (next == deps.Count)
                {
                    state[key] = Done;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }
                path[^1] = (key, next + 1);
                var dep = deps[next];
                if (!graph.ContainsKey(dep))
                    throw GraphValidationException.MissingDependency(key, dep);
                switch (state.GetValueOrDefault(dep))
                {
                    case Unseen:
                        state[dep] = OnPath;
                        path.Add((dep, 0));
                        break;
                    case OnPath:
                        throw Cycle(path, dep);
                }
            }
        }
    }

    private static GraphValidationException Cycle(List<(TaskKey Key, int Next)> path, TaskKey repeated)
    {
        int start = path.FindIndex(p => p.Key == repeated);
        var cycle = path.Skip(start).Select(p => p.Key).Append(repeated).ToList();
        return new GraphValidationException($"cycle in graph: {string.Join(" -> ", cycle)}", cycle);
    }
}
