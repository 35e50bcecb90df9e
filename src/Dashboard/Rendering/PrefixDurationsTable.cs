using System.Text;
using LazyDist.Distributed.Center;

namespace LazyDist.Dashboard.Rendering;

/// <summary>Per key group, its runs, how many threw, and their total, mean and longest duration, costliest first, with a bar of its share of the time.</summary>
internal static class PrefixDurationsTable
{
    public static string Render(IReadOnlyList<TaskRunView> runs)
    {
        if (runs.Count == 0)
            return "<p class=\"empty\">No task ran.</p>";
        var groups = runs.GroupBy(r => r.Prefix, StringComparer.Ordinal)
            .Select(g => (Prefix: g.Key, Count: g.Count(), Erred: g.Count(r => r.Failed), Total: Sum(g), Max: g.Max(r => r.Stopped - r.Started), Bytes: g.Sum(r => r.NBytes)))
            .OrderByDescending(g => g.Total).ThenBy(g => g.Prefix, StringComparer.Ordinal).ToList();
        var most = Math.Max(1, groups.Max(g => g.Total.Ticks));
        var html = new StringBuilder("<table class=\"prefixes\"><thead><tr><th>key group</th><th>tasks</th><th>erred</th><th>total</th><th>mean</th><th>max</th><th>result bytes</th><th>share of time</th></tr></thead><tbody>");
        foreach (var g in groups)
        {
            html.Append($"<tr class=\"prefix\" data-prefix=\"{Text.Html(g.Prefix)}\" data-count=\"{g.Count}\" data-erred=\"{g.Erred}\">")
                .Append($"<td>{Text.Html(g.Prefix)}</td><td>{g.Count}</td><td{(g.Erred > 0 ? " class=\"erred\"" : "")}>{g.Erred}</td>")
                .Append($"<td>{Text.Duration(g.Total)}</td><td>{Text.Duration(g.Total / g.Count)}</td><td>{Text.Duration(g.Max)}</td><td>{Text.Bytes(g.Bytes)}</td>")
                .Append($"<td><svg width=\"120\" height=\"10\"><rect width=\"120\" height=\"10\" fill=\"#eee\"/><rect width=\"{Text.Number(120.0 * g.Total.Ticks / most)}\" height=\"10\" fill=\"{PrefixColors.Of(g.Prefix)}\"/></svg></td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    private static TimeSpan Sum(IEnumerable<TaskRunView> runs) => TimeSpan.FromTicks(runs.Sum(r => (r.Stopped - r.Started).Ticks));
}
