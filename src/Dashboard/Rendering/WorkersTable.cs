using System.Text;
using LazyDist.Distributed.Center;

namespace LazyDist.Dashboard.Rendering;

/// <summary>The workers page: one row per worker with its threads, tasks, held keys and bytes, and its process's memory, CPU and traffic.</summary>
internal static class WorkersTable
{
    public static string Render(CenterSnapshot snapshot)
    {
        if (snapshot.Workers.Count == 0)
            return "<p class=\"empty\">No workers connected.</p>";
        long most = Math.Max(1, snapshot.Workers.Max(w => w.Metrics?.ProcessBytes ?? 0));
        var html = new StringBuilder("<table class=\"workers\"><thead><tr><th>name</th><th>address</th><th>threads</th><th>processing</th>")
            .Append("<th>keys held</th><th>bytes held</th><th>process memory</th><th>CPU</th><th>sent</th><th>received</th></tr></thead><tbody>");
        foreach (var worker in snapshot.Workers)
        {
            var m = worker.Metrics;
            html.Append($"<tr class=\"worker\" data-name=\"{Text.Html(worker.Name)}\"><td>{Text.Html(worker.Name)}</td><td>{Text.Html(worker.Address)}</td>")
                .Append($"<td>{worker.Threads}</td><td>{worker.Processing}</td><td>{worker.HeldKeys}</td><td>{Text.Bytes(worker.HeldBytes)}</td>")
                .Append($"<td>{(m is null ? "–" : Bar(m.ProcessBytes, most) + " " + Text.Bytes(m.ProcessBytes))}</td>")
                .Append($"<td>{(m is null ? "–" : Text.Number(Math.Round(m.CpuPercent)) + " %")}</td>")
                .Append($"<td>{(m is null ? "–" : Text.Bytes(m.SentBytes))}</td><td>{(m is null ? "–" : Text.Bytes(m.ReceivedBytes))}</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    private static string Bar(long value, long most) =>
        $"<svg width=\"100\" height=\"10\"><rect width=\"100\" height=\"10\" fill=\"#eee\"/><rect width=\"{Text.Number(100.0 * value / most)}\" height=\"10\" fill=\"#1f77b4\"/></svg>";
}
