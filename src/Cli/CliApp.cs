using System.CommandLine;
using LazyDist.Cli.Commands;

namespace LazyDist.Cli;

/// <summary>
/// The command tree of <c>lazydist</c>. A usage error prints one line naming what was wrong and
/// exits with 2; a failed run prints one line and exits with 1; no stack traces for either.
/// </summary>
internal static class CliApp
{
    public const int UsageExitCode = 2;
    public const int FailureExitCode = 1;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("LazyDist: parallel and distributed computing with lazy collections.")
        {
            SeedCommand.Create(output, error),
            RunCommand.Create(output, error),
            CenterCommand.Create(output),
            WorkerCommand.Create(),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            error.WriteLine($"lazydist: {parsed.Errors[0].Message}");
            return UsageExitCode;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException usage)
        {
            error.WriteLine($"lazydist: {usage.Message}");
            return UsageExitCode;
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            error.WriteLine($"lazydist: {failure.GetType().Name}: {failure.Message}");
            return FailureExitCode;
        }
    }
}
