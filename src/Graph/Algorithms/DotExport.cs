using System.Globalization;
using System.Text;

namespace LazyDist.Graph;

/// <summary>
/// Writes a graph in Graphviz DOT, as dask draws one: each task's operation a circle, each
/// result a box, edges from a result to the operations that read it; short labels
/// (<see cref="TaskLabels"/>). Collapsed, one rounded box per layer (the tasks that share a key
/// name) with its task count, for graphs of thousands of tasks. Tasks come in key order, so the
/// text is the same for the same graph.
/// </summary>
internal static class DotExport
{
    private const string Header =
        "digraph lazydist {\n" +
        "  rankdir=BT;\n" +
        "  nodesep=0.15;\n" +
        "  ranksep=0.3;\n" +
        "  node [fontname=\"Helvetica\", fontsize=10, margin=\"0.05,0.03\"];\n" +
        "  edge [arrowsize=0.5];\n";

    public static string Write(TaskGraph graph, bool collapse)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return collapse ? WriteLayers(graph) : WriteTasks(graph);
    }

    /// <summary>A circle and a box per task (a box only for data), an edge per dependency.</summary>
    private static string WriteTasks(TaskGraph graph)
    {
        var keys = graph.Keys.Order().ToList();
        var ids = new Dictionary<TaskKey, int>(keys.Count);
        foreach (var key in keys)
            ids[key] = ids.Count;
        var text = new StringBuilder(Header);
        foreach (var key in keys)
        {
            int id = ids[key];
            var node = graph[key];
            text.Append("  d").Append(id).Append(" [shape=box, label=\"").Append(Escape(TaskLabels.Data(key))).Append("\"];\n");
            if (TaskLabels.IsData(node))
                continue;
            text.Append("  t").Append(id).Append(" [shape=circle, label=\"").Append(Escape(TaskLabels.Operation(node))).Append("\"];\n");
            text.Append("  t").Append(id).Append(" -> d").Append(id).Append(";\n");
            foreach (var dep in node.Dependencies)
            {
                if (ids.TryGetValue(dep, out int from))
                    text.Append("  d").Append(from).Append(" -> t").Append(id).Append(";\n");
            }
        }
        return text.Append("}\n").ToString();
    }

    /// <summary>A node per layer (key name) labelled with its prefix, operation and task count; an edge per layer read.</summary>
    private static string WriteLayers(TaskGraph graph)
    {
        var layers = new SortedDictionary<string, List<TaskKey>>(StringComparer.Ordinal);
        foreach (var key in graph.Keys)
        {
            if (!layers.TryGetValue(key.Name, out var members))
                layers[key.Name] = members = [];
            members.Add(key);
        }
        var ids = layers.Keys.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var text = new StringBuilder(Header);
        foreach (var (name, members) in layers)
        {
            members.Sort();
            text.Append("  l").Append(ids[name]).Append(" [shape=box, style=rounded, label=\"").Append(Escape(LayerLabel(graph, members))).Append("\"];\n");
        }
        foreach (var (name, members) in layers)
        {
            var read = new SortedSet<int>();
            foreach (var key in members)
            {
                foreach (var dep in graph[key].Dependencies)
                {
                    if (graph.ContainsKey(dep) && dep.Name != name)
                        read.Add(ids[dep.Name]);
                }
            }
            foreach (int from in read)
                text.Append("  l").Append(from).Append(" -> l").Append(ids[name]).Append(";\n");
        }
        return text.Append("}\n").ToString();
    }

    /// <summary>The layer's prefix, its operations (when they say more than the prefix) and its task count.</summary>
    private static string LayerLabel(TaskGraph graph, List<TaskKey> members)
    {
        string prefix = TaskLabels.Prefix(members[0]);
        var ops = members.Select(k => graph[k]).Where(n => !TaskLabels.IsData(n)).Select(TaskLabels.Operation).Distinct().ToList();
        string what = ops.Count switch
        {
            0 => "data",
            <= 3 => string.Join(", ", ops),
            _ => string.Join(", ", ops.Take(2)) + ", …",
        };
        string count = members.Count == 1 ? "1 task" : string.Create(CultureInfo.InvariantCulture, $"{members.Count:N0} tasks");
        return what == prefix ? $"{prefix}\n{count}" : $"{prefix}\n{what}\n{count}";
    }

    private static string Escape(string s) => s
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);
}
