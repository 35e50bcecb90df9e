using System.CommandLine;
using System.Runtime.InteropServices;
using LazyDist.Distributed;
using Microsoft.Extensions.Logging;

namespace LazyDist.Cli.Commands;

/// <summary><c>lazydist center</c>: runs a cluster's center until Ctrl+C or SIGTERM.</summary>
internal static class CenterCommand
{
    public static Command Create(TextWriter output)
    {
        var host = new Option<string>("--host") { Description = "Address to listen on (non-loopback needs --token).", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Port to listen on (0: any free port).", DefaultValueFactory = _ => 8786 };
        var token = new Option<string>("--token") { Description = "Secret that workers and clients must present.", DefaultValueFactory = _ => "" };
        var command = new Command("center", "Run a center: workers and clients connect to it.") { host, port, token };
        var tls = new TlsCliOptions();
        tls.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            int portValue = parsed.GetValue(port);
            if (portValue is < 0 or > 65535)
                throw new UsageException($"--port must be between 0 and 65535, got {portValue}");
            using var loggers = CliLogging.Create();
            CenterHost center;
            try
            {
                center = await CenterHost.StartAsync(new CenterOptions { Host = parsed.GetValue(host)!, Port = portValue, Token = parsed.GetValue(token)!, Tls = tls.Read(parsed) }, loggers);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                throw new UsageException(e.Message);
            }
            await using (center)
            {
                output.WriteLine($"center listening at {center.Address}");
                output.Flush();
                await WaitForStopAsync(cancellationToken);
                loggers.CreateLogger("lazydist.center").LogInformation("stopping");
            }
            return 0;
        });
        return command;
    }

    /// <summary>Waits for Ctrl+C (which System.CommandLine turns into cancellation) or SIGTERM.</summary>
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
