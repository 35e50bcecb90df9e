using System.Globalization;
using System.Text;
using LazyDist.Dashboard.Reports;

namespace LazyDist.Dashboard.Rendering;

/// <summary>
/// A performance report as one self-contained HTML file: a header (when, how long, workers, tasks,
/// errors), then the dashboard's task stream and the report's durations per key group, transfers
/// and worker memory. Inline CSS and SVG only: no script, nothing fetched.
/// </summary>
internal static class PerformanceReportPage
{
    private const int ErredListed = 20;

    private const string ReportStyle =
        "table.header th{text-align:left;padding:2px 14px 2px 0;color:#555}table.prefixes,table.transfers{border-collapse:collapse}" +
        "table.prefixes td,table.prefixes th,table.transfers td,table.transfers th{border-bottom:1px solid #ddd;padding:4px 10px;text-align:left}" +
        ".erred,.error{color:#d62728}.note{color:#666;font-size:12px}h2{margin-top:28px}";

    public static string Render(PerformanceWindow window)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append($"<title>LazyDist performance report, {Text.Html(When(window.Began))}</title><style>{DashboardPage.Style}{ReportStyle}</style></head><body><main>")
            .Append("<h1>Performance report</h1>");
        Header(html, window);
        html.Append("<h2>Task stream</h2>").Append(TaskStreamChart.Render(window.Runs))
            .Append("<h2>Durations per key group</h2>").Append(PrefixDurationsTable.Render(window.Runs))
            .Append("<h2>Transfers</h2>").Append(TransfersTable.Render(window.Workers, window.TransferredBytes))
            .Append("<h2>Worker memory</h2>").Append(MemoryChart.Render(window.Memory, window.Began, window.Ended));
        return html.Append("</main></body></html>").ToString();
    }

    private static void Header(StringBuilder html, PerformanceWindow window)
    {
        var names = window.Workers.Select(w => w.Name).ToList();
        html.Append("<table class=\"header\"><tbody>")
            .Append($"<tr><th>began</th><td id=\"began\">{Text.Html(When(window.Began))}</td></tr>")
            .Append($"<tr><th>duration</th><td id=\"duration\">{Text.Duration(window.Ended - window.Began)}</td></tr>")
            .Append($"<tr><th>workers</th><td id=\"workers\" data-count=\"{names.Count}\">{names.Count}: {Text.Html(string.Join(", ", names))}</td></tr>")
            .Append($"<tr><th>tasks</th><td id=\"tasks\" data-count=\"{window.Runs.Count}\">{window.Runs.Count} runs in {Groups(window.Runs.Select(r => r.Prefix).Distinct().Count())}</td></tr>")
            .Append($"<tr><th>errors</th><td id=\"errors\" data-count=\"{window.Erred}\"{(window.Erred > 0 ? " class=\"erred\"" : "")}>{window.Erred}</td></tr>")
            .Append("</tbody></table>");
        if (window.Erred > 0)
        {
            html.Append("<p class=\"erred\">Threw: ")
                .Append(Text.Html(string.Join(", ", window.Runs.Where(r => r.Failed).Take(ErredListed).Select(r => $"{r.Key} on {r.Worker}"))))
                .Append(window.Erred > ErredListed ? $" and {window.Erred - ErredListed} more" : "").Append("</p>");
        }
        if (window.Failure is { } failure)
            html.Append($"<p class=\"error\" id=\"failure\">The callback threw {Text.Html(failure.GetType().FullName ?? failure.GetType().Name)}: {Text.Html(failure.Message)}</p>");
        if (window.Unanswered is { } unanswered)
            html.Append($"<p class=\"error\" id=\"unanswered\">The center could not be asked for its records at the end ({Text.Html(unanswered.Message)}): nothing after the start is shown.</p>");
        html.Append("<p class=\"note\">Only runs that started after the callback began and stopped before it ended are shown");
        if (window.Straddling > 0)
            html.Append($"; {window.Straddling} that stopped inside but started before it are left out");
        if (window.FellOut > 0)
            html.Append($"; the center keeps its latest {window.RunsKept.ToString("N0", CultureInfo.InvariantCulture)} runs, so {window.FellOut.ToString("N0", CultureInfo.InvariantCulture)} earlier runs of this window are missing");
        html.Append(". Times are the center's and the workers' clocks.</p>");
    }

    private static string Groups(int count) => count == 1 ? "1 key group" : $"{count} key groups";

    private static string When(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
