using System.Text;
using LazyDist.Distributed.Center;

namespace LazyDist.Dashboard.Rendering;

/// <summary>
/// The task stream: one row per worker thread, one bar per task run coloured by its key group
/// (red when it threw), over the span the runs cover. Times are the workers' own clocks, so the
/// span is taken from the runs, not from the center's clock.
/// </summary>
internal static class TaskStreamChart
{
    private const int LabelWidth = 200, Width = 900, RowHeight = 22;

    /// <summary>The most bars drawn: the latest runs, so a page stays small at any task rate.</summary>
    public const int MaxBars = 5_000;

    /// <summary>
    /// The bars the live page draws, as dask's dashboard (<c>n_rectangles=1000</c>): the page is
    /// rendered at every update while watched, and its cost is per bar (5,000 bars took ~30 ms of the
    /// center's process and ~0.8 MB per update; a performance report, written once, draws <see cref="MaxBars"/>).
    /// </summary>
    public const int LiveBars = 1_000;

    /// <summary>Draws the latest <see cref="MaxBars"/> of <paramref name="runs"/> (oldest first), of <paramref name="total"/> runs in the span (default: <paramref name="runs"/>' count).</summary>
    public static string Render(IReadOnlyList<TaskRunView> runs, int? total = null)
    {
        if (runs.Count == 0)
            return "<p class=\"empty\">No task has run in this span yet.</p>";
        int inSpan = Math.Max(total ?? runs.Count, runs.Count);
        var drawn = runs.Count > MaxBars ? runs.Skip(runs.Count - MaxBars).ToList() : runs;
        var rows = drawn.Select(r => (r.Worker, r.Thread)).Distinct().Order().ToList();
        var rowOf = rows.Select((row, i) => (row, i)).ToDictionary(p => p.row, p => p.i);
        var start = drawn.Min(r => r.Started);
        var span = drawn.Max(r => r.Stopped) - start;
        double scale = span > TimeSpan.Zero ? (Width - LabelWidth) / span.TotalMilliseconds : 0;
        var svg = new StringBuilder();
        int height = rows.Count * RowHeight + 30;
        svg.Append($"<svg class=\"task-stream\" data-runs=\"{inSpan}\" width=\"{Width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        foreach (var ((worker, thread), i) in rowOf)
        {
            svg.Append($"<text class=\"row\" x=\"{LabelWidth - 6}\" y=\"{i * RowHeight + 15}\" text-anchor=\"end\">{Text.Html(worker)} #{thread}</text>")
                .Append($"<rect x=\"{LabelWidth}\" y=\"{i * RowHeight + 2}\" width=\"{Width - LabelWidth}\" height=\"{RowHeight - 4}\" fill=\"#f6f6f6\"/>");
        }
        foreach (var run in drawn)
        {
            int row = rowOf[(run.Worker, run.Thread)];
            double x = LabelWidth + (run.Started - start).TotalMilliseconds * scale;
            double width = Math.Max(1, (run.Stopped - run.Started).TotalMilliseconds * scale);
            string fill = run.Failed ? PrefixColors.Erred : PrefixColors.Of(run.Prefix);
            svg.Append($"<rect class=\"run\" x=\"{Text.Number(x)}\" y=\"{row * RowHeight + 2}\" width=\"{Text.Number(width)}\" height=\"{RowHeight - 4}\" fill=\"{fill}\">")
                .Append($"<title>{Text.Html(run.Key)}: {Text.Duration(run.Stopped - run.Started)}{(run.Failed ? ", threw" : "")}</title></rect>");
        }
        svg.Append($"<text class=\"axis\" x=\"{LabelWidth}\" y=\"{height - 8}\">{Text.Duration(span)} shown, {drawn.Count} of {inSpan} runs drawn</text>");
        return svg.Append("</svg>").ToString();
    }
}
