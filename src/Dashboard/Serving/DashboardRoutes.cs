using System.Text;
using LazyDist.Dashboard.Rendering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LazyDist.Dashboard.Serving;

/// <summary>The dashboard's routes: pages, their event streams, the JSON API and the metrics.</summary>
internal static class DashboardRoutes
{
    public static void Map(WebApplication app, DashboardView view, TokenCheck tokens, CenterMetrics metrics, TimeSpan interval, TimeProvider time)
    {
        app.Use(async (context, next) =>
        {
            if (tokens.Admit(context))
            {
                await next(context).ConfigureAwait(false);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync("this dashboard needs the center's token: open it with ?token=TOKEN, or send Authorization: Bearer TOKEN\n").ConfigureAwait(false);
        });
        app.MapGet("/", () => Results.Redirect("status"));
        app.MapGet("/{page}", (string page) => DashboardView.Knows(page)
            ? Results.Content(DashboardPage.Render(page, DashboardView.Title(page), view.Render(page)), "text/html; charset=utf-8")
            : Results.NotFound($"no page '{page}': the pages are {string.Join(", ", DashboardPage.Pages.Select(p => p.Path))}"));
        app.MapGet("/events/{page}", async (string page, HttpContext context) =>
        {
            if (!DashboardView.Knows(page))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await StreamAsync(context, () => view.Render(page), interval, time).ConfigureAwait(false);
        });
        app.MapGet("/api/status", () => Results.Json(view.Center.Snapshot()));
        app.MapGet("/api/workers", () => Results.Json(view.Center.Snapshot().Workers));
        app.MapGet("/api/tasks", (double? seconds) => Results.Json(view.Center.TaskRuns(time.GetUtcNow() - TimeSpan.FromSeconds(seconds ?? 300))));
        app.MapGet("/api/graph", () => Results.Json(view.Center.KeyGroups()));
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await metrics.WriteAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        });
    }

    /// <summary>How many times its own rendering time a page waits at least before its next update, so a watched page costs the center at most 2% of its time whatever the graph's size.</summary>
    private const int RenderCostFactor = 50;

    /// <summary>
    /// Sends the page's content as a server-sent event now and every <paramref name="interval"/>, while
    /// the browser stays; a page whose rendering is slow (the graph page walks every task, under the
    /// center's lock) waits <see cref="RenderCostFactor"/> times its rendering time instead.
    /// </summary>
    private static async Task StreamAsync(HttpContext context, Func<string> render, TimeSpan interval, TimeProvider time)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var stopping = context.RequestAborted;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                long started = time.GetTimestamp();
                string content = render();
                var cost = time.GetElapsedTime(started);
                var message = new StringBuilder("event: update\n");
                foreach (var line in content.Split('\n'))
                    message.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
                message.Append('\n');
                await context.Response.WriteAsync(message.ToString(), stopping).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(stopping).ConfigureAwait(false);
                await Task.Delay(cost * RenderCostFactor > interval ? cost * RenderCostFactor : interval, time, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The browser left, or the server stops.
        }
    }
}
