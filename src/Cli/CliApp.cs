using System.CommandLine;
using System.Runtime.InteropServices;
using LazyDist.Cli.Commands;
using LazyDist.Cli.Parsing;

namespace LazyDist.Cli;

/// <summary>
/// The command tree of <c>lazydist</c>. Bare <c>lazydist</c> prints help. Bad arguments print
/// one line each (every one of them, unknown names with the nearest known one) and exit with 2;
/// a failed run prints one line and exits with 1; Ctrl+C stops a run, prints "cancelled" and
/// exits with 130. No stack traces for any of them.
/// </summary>
internal static class CliApp
{
    public const int UsageExitCode = 2;
    public const int FailureExitCode = 1;

    /// <summary>128 + SIGINT, what shells report for a program stopped by Ctrl+C.</summary>
    public const int CancelledExitCode = 130;

    /// <summary>Runs <c>lazydist</c> with <paramref name="args"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="environment">Reads <c>LAZYDIST_*</c> variables; the process environment by default.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, Func<string, string?>? environment = null)
    {
        var context = new CliContext(output, error, environment ?? Environment.GetEnvironmentVariable, LogLevels.CreateOption(environment ?? Environment.GetEnvironmentVariable));
        var root = new RootCommand("LazyDist: parallel and distributed computing with lazy collections.")
        {
            SeedCommand.Create(context),
            RunCommand.Create(context),
            CenterCommand.Create(context),
            WorkerCommand.Create(context),
        };
        root.Options.Add(context.LogLevel);
        root.SetAction(parsed => root.Parse("--help").Invoke(parsed.InvocationConfiguration));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (string line in ParseErrors.Describe(parsed))
                error.WriteLine($"lazydist: {line}");
            return UsageExitCode;
        }
        using var stop = new CancellationTokenSource();
        // The first Ctrl+C cancels the run; a second one is left to the runtime, which ends the process.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c =>
        {
            if (stop.IsCancellationRequested)
                return;
            c.Cancel = true;
            stop.Cancel();
        });
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        try
        {
            return parsed.InvokeAsync(configuration, stop.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            error.WriteLine("lazydist: cancelled");
            return CancelledExitCode;
        }
        catch (UsageException usage)
        {
            error.WriteLine($"lazydist: {usage.Message}");
            return UsageExitCode;
        }
        catch (RunFailedException failed)
        {
            error.WriteLine($"lazydist: {failed.Message}");
            return FailureExitCode;
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            error.WriteLine($"lazydist: {failure.GetType().Name}: {failure.Message}");
            return FailureExitCode;
        }
    }
}
