using System.Net;
using System.Net.Sockets;
using LazyDist.Dashboard.Rendering;
using LazyDist.Dashboard.Serving;
using LazyDist.Distributed;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LazyDist.Dashboard;

/// <summary>
/// A center's web dashboard (dask's dashboard), served by Kestrel: pages <c>/status</c>,
/// <c>/tasks</c>, <c>/workers</c> and <c>/graph</c> updated live through server-sent events, the
/// same data as JSON under <c>/api/</c>, and Prometheus text at <c>/metrics</c>. It reads the
/// center only through snapshots taken under the center's lock, and only while someone watches.
/// </summary>
public sealed class DashboardServer : IDashboard
{
    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The address to open in a browser, with <c>?token=</c> when the dashboard has a token.</summary>
    public string Url { get; }

    /// <summary>The address without the token: <c>http://host:port/</c>.</summary>
    public string BaseAddress { get; private set; } = "";

    /// <summary>Starts serving <paramref name="center"/>'s dashboard.</summary>
    /// <param name="center">The center to show.</param>
    /// <param name="options">Where to listen, the token, the update interval.</param>
    /// <param name="loggers">Where the server logs (warnings and errors only); none by default.</param>
    /// <param name="time">The clock of updates and of the task stream's span; the system's by default.</param>
    /// <exception cref="ArgumentException">The host is not an IP address.</exception>
    /// <exception cref="InvalidOperationException">A non-loopback address without a token.</exception>
    /// <exception cref="IOException">The port cannot be bound (in use: the message names it).</exception>
    public static async Task<DashboardServer> StartAsync(CenterHost center, DashboardOptions? options = null, ILoggerFactory? loggers = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(center);
        options ??= new DashboardOptions();
        time ??= TimeProvider.System;
        if (!IPAddress.TryParse(options.Host, out var address))
            throw new ArgumentException($"the dashboard's host '{options.Host}' is not an IP address", nameof(options));
        if (!IPAddress.IsLoopback(address) && options.Token.Length == 0)
            throw new InvalidOperationException($"a dashboard on {options.Host} (not loopback) needs a token: anyone who can connect would see the cluster");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new WarningsOnly(loggers ?? NullLoggerFactory.Instance));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, options.Port));
        var app = builder.Build();
        var view = new DashboardView(center, time, options.TaskStreamSpan);
        DashboardRoutes.Map(app, view, new TokenCheck(options.Token), new CenterMetrics(center), options.UpdateInterval, time);
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (IOException e) when (WarningsOnly.IsPortTaken(e))
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new IOException($"the dashboard's port {options.Port} on {options.Host} is already in use; choose another, or 0 for any free port", e);
        }
        string bound = app.Urls.First().TrimEnd('/') + "/";
        string url = options.Token.Length == 0 ? bound + "status" : $"{bound}status?token={Uri.EscapeDataString(options.Token)}";
        return new DashboardServer(app, url) { BaseAddress = bound };
    }

    /// <summary>A <see cref="LocalClusterOptions.Dashboard"/> value: starts a dashboard with <paramref name="options"/> and the cluster's token.</summary>
    /// <param name="options">Where to listen (the token is the cluster's); port 8787 on loopback by default.</param>
    /// <param name="loggers">Where the server logs; none by default.</param>
    public static DashboardStarter Starter(DashboardOptions? options = null, ILoggerFactory? loggers = null) =>
        async (center, token, cancellationToken) =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return await StartAsync(center, (options ?? new DashboardOptions()) with { Token = token }, loggers).ConfigureAwait(false);
        };

    /// <summary>Stops serving; open event streams end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Passes the server's own warnings and errors on to the caller's loggers; its routine chatter stays out.</summary>
    private sealed class WarningsOnly(ILoggerFactory loggers) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Filtered(loggers.CreateLogger("lazydist.dashboard"));

        /// <summary>Whether <paramref name="exception"/> says the port is held by another listener.</summary>
        public static bool IsPortTaken(Exception? exception) =>
            exception is IOException e && (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase));

        public void Dispose()
        {
        }

        private sealed class Filtered(ILogger inner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && inner.IsEnabled(logLevel);

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                // A taken port is reported by StartAsync's caller in one line (or worked around); the host's stack trace would only alarm.
                if (IsEnabled(logLevel) && !IsPortTaken(exception))
                    inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
