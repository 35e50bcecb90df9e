using System.Text;

namespace LazyDist.Dashboard.Rendering;

/// <summary>
/// The HTML around a page: the navigation, the page's first rendering, and a few lines of script
/// that replace it with each update the server sends (server-sent events; no reloads).
/// </summary>
internal static class DashboardPage
{
    public static readonly IReadOnlyList<(string Path, string Title)> Pages =
        [("status", "Status"), ("tasks", "Task stream"), ("workers", "Workers"), ("graph", "Graph")];

    public const string Style =
        "body{font:14px system-ui,sans-serif;margin:0;color:#222}nav{background:#333;padding:8px 16px}nav a{color:#ddd;margin-right:18px;text-decoration:none}" +
        "nav a.active{color:#fff;font-weight:bold}main{padding:16px}svg text{font:12px system-ui,sans-serif}table.workers{border-collapse:collapse}" +
        "table.workers td,table.workers th{border-bottom:1px solid #ddd;padding:4px 10px;text-align:left}.empty{color:#888}.legend{fill:#666}#state{color:#888;font-size:12px}";

    public static string Render(string page, string title, string fragment)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append($"<title>LazyDist · {Text.Html(title)}</title><style>{Style}</style></head><body><nav>");
        foreach (var (path, name) in Pages)
            html.Append($"<a href=\"{path}\"{(path == page ? " class=\"active\"" : "")}>{Text.Html(name)}</a>");
        html.Append($"<span id=\"state\">connecting</span></nav><main><h1>{Text.Html(title)}</h1><div id=\"content\" data-updates=\"0\">{fragment}</div></main>")
            .Append("<script>(()=>{const c=document.getElementById('content'),s=document.getElementById('state');")
            .Append($"const e=new EventSource('events/{page}');let n=0;")
            .Append("e.addEventListener('update',m=>{c.innerHTML=m.data;c.dataset.updates=String(++n);s.textContent='live';});")
            .Append("e.onerror=()=>{s.textContent='reconnecting';};})();</script></body></html>");
        return html.ToString();
    }
}
