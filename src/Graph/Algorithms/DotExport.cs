using System.Text;

namespace LazyDist.Graph;

/// <summary>Writes a graph in Graphviz DOT, with tasks in key order so the text is stable.</summary>
internal static class DotExport
{
    public static string Write(TaskGraph graph)
    {
        var ids = new Dictionary<TaskKey, int>(graph.Count);
        var text = new StringBuilder("digraph lazydist {\n  rankdir=BT;\n  node [shape=box];\n");
        foreach (var key in graph.Keys.Order())
        {
            int id = ids.Count;
            ids[key] = id;
            text.Append("  n").Append(id).Append(" [label=\"").Append(Escape(key.ToString()))
                .Append("\\n").Append(Escape(graph[key].Op.Name)).Append("\"];\n");
        }
        foreach (var key in graph.Keys.Order())
        {
            foreach (var dep in graph[key].Dependencies)
            {
                if (ids.TryGetValue(dep, out int from))
                    text.Append("  n").Append(from).Append(" -> n").Append(ids[key]).Append(";\n");
            }
        }
        return text.Append("}\n").ToString();
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
