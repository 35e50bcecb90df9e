using System.Text;
using LazyDist.Distributed.Center;

namespace LazyDist.Dashboard.Rendering;

/// <summary>The status page: the cluster in one line, then one progress bar per key group (in memory, released after use, erred, processing, waiting).</summary>
internal static class StatusChart
{
    private const int LabelWidth = 180, BarWidth = 560, RowHeight = 26, CountWidth = 160;

    public static string Render(CenterSnapshot snapshot)
    {
        var html = new StringBuilder();
        html.Append("<p class=\"summary\">")
            .Append($"<span id=\"workers\" data-count=\"{snapshot.Workers.Count}\">{snapshot.Workers.Count} workers</span>, ")
            .Append($"{snapshot.Threads} threads, {snapshot.Clients} clients, ")
            .Append($"<span id=\"completed\" data-count=\"{snapshot.CompletedTasks}\">{snapshot.CompletedTasks} results received</span>, ")
            .Append($"{Text.Bytes(snapshot.HeldBytes)} held, {Text.Bytes(snapshot.TransferredBytes)} transferred</p>");
        if (snapshot.Prefixes.Count == 0)
            return html.Append("<p class=\"empty\">No tasks yet.</p>").ToString();
        int height = snapshot.Prefixes.Count * RowHeight + 24;
        html.Append($"<svg class=\"status\" width=\"{LabelWidth + BarWidth + CountWidth}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        int y = 0;
        foreach (var prefix in snapshot.Prefixes)
        {
            Row(html, prefix, y);
            y += RowHeight;
        }
        Legend(html, y + 6);
        return html.Append("</svg>").ToString();
    }

    private static void Row(StringBuilder svg, PrefixCounts prefix, int y)
    {
        string color = PrefixColors.Of(prefix.Name);
        svg.Append($"<g class=\"prefix\" data-prefix=\"{Text.Html(prefix.Name)}\" data-total=\"{prefix.Total}\" data-done=\"{prefix.Done}\" data-waiting=\"{prefix.Waiting}\" ")
            .Append($"data-processing=\"{prefix.Processing}\" data-memory=\"{prefix.Memory}\" data-erred=\"{prefix.Erred}\">")
            .Append($"<text x=\"{LabelWidth - 6}\" y=\"{y + 17}\" text-anchor=\"end\">{Text.Html(prefix.Name)}</text>")
            .Append($"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{BarWidth}\" height=\"{RowHeight - 6}\" fill=\"#eee\"/>");
        double x = LabelWidth;
        foreach (var (count, fill, opacity, what) in Segments(prefix, color))
        {
            if (count == 0)
                continue;
            double width = (double)BarWidth * count / prefix.Total;
            svg.Append($"<rect x=\"{Text.Number(x)}\" y=\"{y + 3}\" width=\"{Text.Number(width)}\" height=\"{RowHeight - 6}\" fill=\"{fill}\" fill-opacity=\"{opacity}\"><title>{Text.Html(prefix.Name)}: {count} {what}</title></rect>");
            x += width;
        }
        svg.Append($"<text class=\"count\" x=\"{LabelWidth + BarWidth + 8}\" y=\"{y + 17}\">{prefix.Done} / {prefix.Total}</text></g>");
    }

    private static IEnumerable<(int Count, string Fill, string Opacity, string What)> Segments(PrefixCounts prefix, string color)
    {
        yield return (prefix.Memory, color, "1", "in memory");
        yield return (prefix.Released + prefix.Forgotten, color, "0.55", "done and released");
        yield return (prefix.Erred, PrefixColors.Erred, "1", "erred");
        yield return (prefix.Processing, color, "0.25", "processing");
    }

    private static void Legend(StringBuilder svg, int y) =>
        svg.Append($"<text class=\"legend\" x=\"{LabelWidth}\" y=\"{y + 10}\">dark: in memory · mid: done and released · red: erred · pale: processing · grey: waiting</text>");
}
