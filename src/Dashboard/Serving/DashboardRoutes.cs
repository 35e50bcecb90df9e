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
        var feed = new PageFeed(view, interval, time);
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
            await StreamAsync(context, feed, page, time).ConfigureAwait(false);
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

    /// <summary>
    /// Sends the page's latest event (<see cref="PageFeed"/>) now and again whenever it changes, looking
    /// once per event's wait, while the browser stays. An update that is the same as the one sent
    /// before is not sent again: an idle center's watched dashboard sends nothing.
    /// </summary>
    private static async Task StreamAsync(HttpContext context, PageFeed feed, string page, TimeProvider time)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var stopping = context.RequestAborted;
        byte[]? sent = null;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var frame = feed.Latest(page);
                if (sent is null || !(ReferenceEquals(sent, frame.Event) || sent.AsSpan().SequenceEqual(frame.Event)))
                {
                    await context.Response.Body.WriteAsync(frame.Event, stopping).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(stopping).ConfigureAwait(false);
                    sent = frame.Event;
                }
                await Task.Delay(frame.Wait, time, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The browser left, or the server stops.
        }
    }
}
