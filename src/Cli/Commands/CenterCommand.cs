using System.CommandLine;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using LazyDist.Cli.Parsing;
using LazyDist.Distributed;
using Microsoft.Extensions.Logging;

namespace LazyDist.Cli.Commands;

/// <summary><c>lazydist center</c>: runs a cluster's center until Ctrl+C or SIGTERM.</summary>
internal static class CenterCommand
{
    public static Command Create(CliContext context)
    {
        var host = new Option<string>("--host") { Description = "Address to listen on (non-loopback needs --token)." }.WithEnvironment(context, "127.0.0.1").IsListenAddress();
        var port = new Option<int>("--port") { Description = "Port to listen on (0: any free port)." }.WithEnvironment(context, 8786).IsPort();
        var token = new Option<string>("--token") { Description = "Secret that workers and clients must present." }.AsSecret();
        var heartbeatTimeout = new Option<double>("--heartbeat-timeout") { Description = "Seconds without a heartbeat after which a worker is removed and its work given to others." }.WithEnvironment(context, 15.0).IsPositiveSeconds();
        var dashboardPort = new Option<int>("--dashboard-port") { Description = "Port of the web dashboard, on the center's address (0: any free port). When the default is taken, any free port, with a warning." }.WithEnvironment(context, 8787).IsPort();
        var noDashboard = new Option<bool>("--no-dashboard") { Description = "Serve no web dashboard." }.WithEnvironment(context, false);
        var noWorkStealing = new Option<bool>("--no-work-stealing") { Description = "Leave every task on the worker it was sent to, even while others are idle." }.WithEnvironment(context, false);
        var command = new Command("center", "Run a center: workers and clients connect to it.") { host, port, token, heartbeatTimeout, dashboardPort, noDashboard, noWorkStealing };
        var tls = new TlsCliOptions();
        tls.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            string hostValue = parsed.GetValue(host)!;
            int portValue = parsed.GetValue(port);
            using var loggers = CliLogging.Create(LogLevels.Of(parsed, context, LogLevel.Information));
            CenterHost center;
            try
            {
                center = await CenterHost.StartAsync(new CenterOptions
                {
                    Host = hostValue,
                    Port = portValue,
                    Token = parsed.SecretValue(token, context),
                    Tls = tls.Read(parsed),
                    HeartbeatTimeout = TimeSpan.FromSeconds(parsed.GetValue(heartbeatTimeout)),
                    WorkStealing = !parsed.GetValue(noWorkStealing),
                }, loggers);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                throw new UsageException(e.Message);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new RunFailedException($"port {portValue} on {hostValue} is already in use (another center?); choose another with --port, or --port 0 for any free port", e);
            }
            await using (center)
            {
                context.Output.WriteLine($"center listening at {center.Address}");
                await using var dashboard = parsed.GetValue(noDashboard) ? null
                    : await CenterDashboard.StartAsync(center, hostValue, parsed.GetValue(dashboardPort), portChosen: parsed.GetResult(dashboardPort) is { Implicit: false }, parsed.SecretValue(token, context), loggers);
                if (dashboard is not null)
                    context.Output.WriteLine($"dashboard at {dashboard.Url}");
                context.Output.Flush();
                await WaitForStopAsync(cancellationToken);
                loggers.CreateLogger("lazydist.center").LogInformation("stopping");
            }
            return 0;
        });
        return command;
    }

    /// <summary>Waits for Ctrl+C (which cancels <paramref name="cancellationToken"/>) or SIGTERM.</summary>
    internal static async Task WaitForStopAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
