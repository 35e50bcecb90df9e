using System.Text;
using LazyDist.Distributed.Center;

namespace LazyDist.Dashboard.Rendering;

/// <summary>
/// The graph page: the known tasks' key groups as boxes in layers (a group one layer right of
/// the deepest group it reads), arrows for what reads what, and in each box its tasks by state.
/// </summary>
internal static class GraphChart
{
    private const int BoxWidth = 170, BoxHeight = 46, ColumnGap = 60, RowGap = 14;

    public static string Render(IReadOnlyList<KeyGroupView> groups)
    {
        if (groups.Count == 0)
            return "<p class=\"empty\">No graph submitted yet.</p>";
        var layer = Layers(groups);
        var columns = groups.GroupBy(g => layer[g.Counts.Name]).OrderBy(c => c.Key).Select(c => c.ToList()).ToList();
        var position = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        for (int c = 0; c < columns.Count; c++)
        {
            for (int r = 0; r < columns[c].Count; r++)
                position[columns[c][r].Counts.Name] = (10 + c * (BoxWidth + ColumnGap), 10 + r * (BoxHeight + RowGap));
        }
        double width = 20 + columns.Count * (BoxWidth + ColumnGap);
        double height = 20 + columns.Max(c => c.Count) * (BoxHeight + RowGap);
        var svg = new StringBuilder($"<svg class=\"graph\" width=\"{Text.Number(width)}\" height=\"{Text.Number(height)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\" fill=\"#888\"/></marker></defs>");
        foreach (var group in groups)
        {
            var (x, y) = position[group.Counts.Name];
            foreach (var read in group.Reads.Where(position.ContainsKey))
            {
                var (fx, fy) = position[read];
                svg.Append($"<line x1=\"{Text.Number(fx + BoxWidth)}\" y1=\"{Text.Number(fy + BoxHeight / 2.0)}\" x2=\"{Text.Number(x)}\" y2=\"{Text.Number(y + BoxHeight / 2.0)}\" stroke=\"#888\" marker-end=\"url(#arrow)\"/>");
            }
        }
        foreach (var group in groups)
            Box(svg, group.Counts, position[group.Counts.Name]);
        return svg.Append("</svg>").ToString();
    }

    private static void Box(StringBuilder svg, PrefixCounts counts, (double X, double Y) at)
    {
        string color = PrefixColors.Of(counts.Name);
        double done = counts.Total == 0 ? 0 : (double)counts.Done / counts.Total;
        svg.Append($"<g class=\"group\" data-prefix=\"{Text.Html(counts.Name)}\" data-total=\"{counts.Total}\" data-done=\"{counts.Done}\">")
            .Append($"<rect x=\"{Text.Number(at.X)}\" y=\"{Text.Number(at.Y)}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"5\" fill=\"#fff\" stroke=\"{color}\" stroke-width=\"2\"/>")
            .Append($"<rect x=\"{Text.Number(at.X)}\" y=\"{Text.Number(at.Y + BoxHeight - 8)}\" width=\"{Text.Number(BoxWidth * done)}\" height=\"8\" fill=\"{(counts.Erred > 0 ? PrefixColors.Erred : color)}\"/>")
            .Append($"<text x=\"{Text.Number(at.X + 8)}\" y=\"{Text.Number(at.Y + 17)}\">{Text.Html(counts.Name)}</text>")
            .Append($"<text class=\"count\" x=\"{Text.Number(at.X + 8)}\" y=\"{Text.Number(at.Y + 32)}\">{counts.Done}/{counts.Total} done, {counts.Processing} running{(counts.Erred > 0 ? $", {counts.Erred} erred" : "")}</text></g>");
    }

    /// <summary>Each group's layer: one more than the deepest group it reads (reads outside the known groups, and cycles, are ignored).</summary>
    private static Dictionary<string, int> Layers(IReadOnlyList<KeyGroupView> groups)
    {
        var reads = groups.ToDictionary(g => g.Counts.Name, g => g.Reads, StringComparer.Ordinal);
        var layer = groups.ToDictionary(g => g.Counts.Name, _ => 0, StringComparer.Ordinal);
        // Longest path by relaxation: at most one pass per group, so a cycle stops growing.
        for (int pass = 0; pass < groups.Count; pass++)
        {
            bool changed = false;
            foreach (var (name, inputs) in reads)
            {
                int deepest = inputs.Where(layer.ContainsKey).Select(i => layer[i] + 1).DefaultIfEmpty(0).Max();
                if (deepest > layer[name])
                {
                    layer[name] = deepest;
                    changed = true;
                }
            }
            if (!changed)
                break;
        }
        return layer;
    }
}
