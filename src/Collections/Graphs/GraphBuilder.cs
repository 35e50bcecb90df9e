using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>Materializes the graph of one or more sources, each source once, without recursion.</summary>
internal static class GraphBuilder
{
    public static TaskGraph Build(IEnumerable<IGraphSource> roots)
    {
        var graph = new TaskGraph();
        var seen = new HashSet<IGraphSource>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<IGraphSource>();
        foreach (var root in roots)
        {
            if (seen.Add(root))
                stack.Push(root);
        }
        while (stack.Count > 0)
        {
            var source = stack.Pop();
            source.AddOwnTasks(graph);
            foreach (var dep in source.Dependencies)
            {
                if (seen.Add(dep))
                    stack.Push(dep);
            }
        }
        return graph;
    }
}
