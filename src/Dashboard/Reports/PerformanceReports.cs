using System.Runtime.ExceptionServices;
using LazyDist.Dashboard.Rendering;
using LazyDist.Dashboard.Reports;
using LazyDist.Distributed.Wire;

namespace LazyDist.Distributed;

/// <summary>
/// dask's <c>performance_report</c>: <c>await cluster.PerformanceReportAsync("report.html", async () => ...)</c>
/// runs the callback and writes one self-contained HTML file (inline SVG and CSS, no script, nothing
/// fetched) with the task stream, durations per key group, transfers between workers and worker
/// memory over time of what ran inside it. The records come from the center (the runs and memory
/// measurements it keeps for its dashboard: the latest 20,000 runs and 10,000 measurements), asked
/// once when the callback begins and once when it ends, so the callback's computations run as
/// without a report. A task that started before the callback began, or that had not stopped when
/// it ended, is left out (the header counts the first kind); times are the center's and the
/// workers' clocks, assumed in step.
/// </summary>
public static class PerformanceReports
{
    /// <summary>Runs <paramref name="body"/> on <paramref name="cluster"/> and writes a performance report of what ran inside it to <paramref name="path"/>.</summary>
    /// <param name="cluster">The cluster whose center keeps the records.</param>
    /// <param name="path">The HTML file to write (replaced if it exists).</param>
    /// <param name="body">The computations to report on.</param>
    /// <param name="cancellationToken">Stops waiting for the center's records (the file is still written, with what is known).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The center was lost before the callback began, or after it ended (the file is written first), or the file cannot be written.</exception>
    /// <remarks>What <paramref name="body"/> throws reaches the caller unchanged, after the file is written (its header names the exception).</remarks>
    public static Task PerformanceReportAsync(this LocalCluster cluster, string path, Func<Task> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.Client.PerformanceReportAsync(path, body, cancellationToken);
    }

    /// <summary>Runs <paramref name="body"/> and writes a performance report of what ran inside it on <paramref name="client"/>'s center (local or remote) to <paramref name="path"/>.</summary>
    /// <param name="client">A client of the center whose records the report draws.</param>
    /// <param name="path">The HTML file to write (replaced if it exists).</param>
    /// <param name="body">The computations to report on.</param>
    /// <param name="cancellationToken">Stops waiting for the center's records (the file is still written, with what is known).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The center was lost before the callback began, or after it ended (the file is written first), or the file cannot be written.</exception>
    /// <remarks>What <paramref name="body"/> throws reaches the caller unchanged, after the file is written (its header names the exception).</remarks>
    public static async Task PerformanceReportAsync(this DistributedScheduler client, string path, Func<Task> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(body);
        var start = await client.AskPerformanceAsync(DateTimeOffset.MaxValue, cancellationToken).ConfigureAwait(false);
        long began = TimeProvider.System.GetTimestamp();
        ExceptionDispatchInfo? failure = null;
        try
        {
            await body().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failure = ExceptionDispatchInfo.Capture(e);
        }
        var elapsed = TimeProvider.System.GetElapsedTime(began);
        PerformanceMessage? end = null;
        ExceptionDispatchInfo? unanswered = null;
        try
        {
            end = await client.AskPerformanceAsync(new DateTimeOffset(start.NowUtcTicks, TimeSpan.Zero), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            unanswered = ExceptionDispatchInfo.Capture(e);
        }
        var window = PerformanceWindow.Of(start, end, elapsed, failure?.SourceException, unanswered?.SourceException);
        await File.WriteAllTextAsync(path, PerformanceReportPage.Render(window), CancellationToken.None).ConfigureAwait(false);
        failure?.Throw();
        unanswered?.Throw();
    }
}
