using LazyDist.Distributed;
using Microsoft.Extensions.Logging;

/// <summary>
/// The .NET startup hook of LazyDist worker processes (see <see cref="WorkerProcess"/>): when the
/// worker arguments are set, it runs a worker and exits instead of letting the application start.
/// </summary>
internal static class StartupHook
{
    /// <summary>Called by the runtime before the entry point.</summary>
    public static void Initialize()
    {
        var text = Environment.GetEnvironmentVariable(WorkerProcess.ArgumentsVariable);
        if (text is null)
            return;
        Environment.SetEnvironmentVariable(WorkerProcess.ArgumentsVariable, null);
        Environment.SetEnvironmentVariable("DOTNET_STARTUP_HOOKS", null);
        var options = WorkerProcess.Parse(text.Split('\n'));
        using var loggers = new StandardErrorLoggerFactory(LogLevel.Information);
        int code;
        try
        {
            code = WorkerProgram.RunAsync(options, loggers, exitWhenInputCloses: true).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // A setting it cannot start with (a data port off loopback without a token, an unreadable
            // TLS file): exit 2, which a nanny takes as "do not restart".
            Console.Error.WriteLine($"worker {options.Name} cannot start: {e.Message}");
            code = 2;
        }
        loggers.Dispose();
        Environment.Exit(code);
    }
}
