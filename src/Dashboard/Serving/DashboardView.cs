using LazyDist.Dashboard.Rendering;
using LazyDist.Distributed;

namespace LazyDist.Dashboard.Serving;

/// <summary>Renders a page's content from the center's snapshot: what the first load and every server-sent update carry.</summary>
internal sealed class DashboardView(CenterHost center, TimeProvider time, TimeSpan taskStreamSpan)
{
    public CenterHost Center => center;

    public static bool Knows(string page) => DashboardPage.Pages.Any(p => p.Path == page);

    public static string Title(string page) => DashboardPage.Pages.First(p => p.Path == page).Title;

    public string Render(string page) => page switch
    {
        "status" => StatusChart.Render(center.Snapshot()),
        "tasks" => TaskStreamChart.Render(center.TaskRuns(time.GetUtcNow() - taskStreamSpan, TaskStreamChart.LiveBars, out int total), total),
        "workers" => WorkersTable.Render(center.Snapshot()),
        "graph" => GraphChart.Render(center.KeyGroups()),
        _ => throw new ArgumentException($"the dashboard has no page '{page}'", nameof(page)),
    };
}
