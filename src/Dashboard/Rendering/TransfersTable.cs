using System.Text;
using LazyDist.Dashboard.Reports;

namespace LazyDist.Dashboard.Rendering;

/// <summary>Per worker, what its tasks fetched from peers (runs that fetched, bytes) and what its process sent and received between a report's edges.</summary>
internal static class TransfersTable
{
    public static string Render(IReadOnlyList<ReportWorker> workers, long transferredBytes)
    {
        var html = new StringBuilder($"<p class=\"summary\" id=\"transferred\" data-bytes=\"{transferredBytes}\">{Text.Bytes(transferredBytes)} fetched between workers in all, by {workers.Sum(w => w.Fetches)} task runs</p>");
        if (workers.Count == 0)
            return html.Append("<p class=\"empty\">No worker.</p>").ToString();
        html.Append("<table class=\"transfers\"><thead><tr><th>worker</th><th>address</th><th>threads</th><th>tasks</th><th>tasks that fetched</th><th>bytes fetched</th><th>process sent</th><th>process received</th></tr></thead><tbody>");
        foreach (var w in workers)
        {
            html.Append($"<tr class=\"worker\" data-name=\"{Text.Html(w.Name)}\" data-tasks=\"{w.Tasks}\" data-fetches=\"{w.Fetches}\"><td>{Text.Html(w.Name)}</td><td>{Text.Html(w.Address)}</td>")
                .Append($"<td>{w.Threads}</td><td>{w.Tasks}</td><td>{w.Fetches}</td><td>{Text.Bytes(w.FetchedBytes)}</td>")
                .Append($"<td>{(w.SentBytes is { } sent ? Text.Bytes(sent) : "–")}</td><td>{(w.ReceivedBytes is { } received ? Text.Bytes(received) : "–")}</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }
}
