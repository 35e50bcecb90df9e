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
        string[] args = text.Split('\n');
        var options = new WorkerOptions
        {
            CenterAddress = args[0],
            Token = args[2],
            Threads = int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture),
            Name = args[6],
            CenterTimeout = TimeSpan.FromSeconds(5),
        };
        options = WorkerProcess.WithArguments(options, args[7..]);
        using var loggers = new StandardErrorLoggerFactory(LogLevel.Information);
        int code = WorkerProgram.RunAsync(options, loggers, exitWhenInputCloses: true).GetAwaiter().GetResult();
        loggers.Dispose();
        Environment.Exit(code);
    }
}
