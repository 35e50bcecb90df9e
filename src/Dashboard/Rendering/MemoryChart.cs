using System.Text;

namespace LazyDist.Dashboard.Rendering;

/// <summary>Each worker process's resident memory over a span, one line per worker, as the workers measured it with their heartbeats.</summary>
internal static class MemoryChart
{
    private const int Width = 1000, Height = 220, Left = 80, Bottom = 24, Right = 260;

    public static string Render(IReadOnlyList<(DateTimeOffset Time, string Worker, long ProcessBytes)> samples, DateTimeOffset from, DateTimeOffset to)
    {
        if (samples.Count == 0)
            return "<p class=\"empty\">No worker measured its memory in this span.</p>";
        long most = Math.Max(1, samples.Max(s => s.ProcessBytes));
        double span = Math.Max(1, (to - from).TotalMilliseconds);
        double plotWidth = Width - Left - Right, plotHeight = Height - Bottom - 10;
        var svg = new StringBuilder($"<svg class=\"memory\" data-samples=\"{samples.Count}\" width=\"{Width}\" height=\"{Height}\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append($"<line x1=\"{Left}\" y1=\"{Text.Number(10 + plotHeight)}\" x2=\"{Text.Number(Left + plotWidth)}\" y2=\"{Text.Number(10 + plotHeight)}\" stroke=\"#888\"/>")
            .Append($"<line x1=\"{Left}\" y1=\"10\" x2=\"{Left}\" y2=\"{Text.Number(10 + plotHeight)}\" stroke=\"#888\"/>")
            .Append($"<text class=\"axis\" x=\"{Left - 6}\" y=\"16\" text-anchor=\"end\">{Text.Bytes(most)}</text>")
            .Append($"<text class=\"axis\" x=\"{Left - 6}\" y=\"{Text.Number(10 + plotHeight)}\" text-anchor=\"end\">0</text>")
            .Append($"<text class=\"axis\" x=\"{Text.Number(Left + plotWidth)}\" y=\"{Height - 6}\" text-anchor=\"end\">{Text.Duration(to - from)}</text>");
        int row = 0;
        foreach (var worker in samples.GroupBy(s => s.Worker, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            string color = PrefixColors.Of(worker.Key);
            var points = worker.OrderBy(s => s.Time).Select(s =>
                $"{Text.Number(Left + Math.Clamp((s.Time - from).TotalMilliseconds / span, 0, 1) * plotWidth)},{Text.Number(10 + plotHeight - plotHeight * s.ProcessBytes / most)}");
            svg.Append($"<polyline class=\"worker\" data-name=\"{Text.Html(worker.Key)}\" points=\"{string.Join(' ', points)}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>")
                .Append($"<text x=\"{Text.Number(Left + plotWidth + 10)}\" y=\"{20 + row * 16}\" fill=\"{color}\">{Text.Html(worker.Key)}: up to {Text.Bytes(worker.Max(s => s.ProcessBytes))}</text>");
            row++;
        }
        return svg.Append("</svg>").ToString();
    }
}
