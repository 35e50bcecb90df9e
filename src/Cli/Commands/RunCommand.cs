using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LazyDist.Cli.Scripting;
using Microsoft.Extensions.Logging;

namespace LazyDist.Cli.Commands;

/// <summary>
/// <c>lazydist run script.csx [args...] [--scheduler ...]</c>: compiles a C# script here, then runs
/// it with <c>Scheduler</c> in scope. Exits with what the script returns (0 by default), 2 when it
/// does not compile (the compiler's errors on stderr, with line numbers), 1 when it throws.
/// </summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var script = new Argument<string>("script") { Description = "The C# script (top-level statements) to run." };
        var args = new Argument<string[]>("args") { Description = "The script's args (put them after -- if they look like options).", Arity = ArgumentArity.ZeroOrMore };
        var scheduler = new Option<string>("--scheduler") { Description = $"The script's Scheduler: {SchedulerSpec.Help}.", DefaultValueFactory = _ => "threads" };
        var token = new Option<string>("--token") { Description = "The cluster's token, for --scheduler tcp://.", DefaultValueFactory = _ => "" };
        var verbose = new Option<bool>("--verbose") { Description = "Also print the compiler's warnings and the compile time on stderr." };
        var command = new Command("run", "Compile a C# script and run it; it sees the chosen scheduler as Scheduler.")
        {
            script, args, scheduler, token, verbose,
        };
        var tls = new TlsCliOptions();
        tls.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            string path = parsed.GetValue(script)!;
            var spec = SchedulerSpec.Parse(parsed.GetValue(scheduler)!) with { Tls = tls.Read(parsed) };
            var compiled = Compile(path, parsed.GetValue(verbose), error);
            if (!compiled.Succeeded)
                return CliApp.UsageExitCode;
            using var loggers = CliLogging.Create(LogLevel.Warning);
            await using var open = await spec.OpenAsync(parsed.GetValue(token)!, loggers, cancellationToken);
            return await RunAsync(compiled, open, parsed.GetValue(args) ?? [], output, error);
        });
        return command;
    }

    /// <summary>Reads and compiles the script, printing its errors (and, if verbose, warnings and timing).</summary>
    /// <exception cref="UsageException">The file cannot be read.</exception>
    private static ScriptCompilation Compile(string path, bool verbose, TextWriter error)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UsageException($"script '{path}' does not exist");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"script '{path}' cannot be read: {e.Message}");
        }
        var clock = Stopwatch.StartNew();
        var compiled = ScriptCompiler.Compile(path, text);
        foreach (var diagnostic in verbose ? compiled.Diagnostics.AsEnumerable() : compiled.Errors)
            error.WriteLine(diagnostic.ToString());
        if (verbose)
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lazydist: compiled {compiled.AssemblyName} in {clock.Elapsed.TotalSeconds:0.000} s"));
        return compiled;
    }

    /// <summary>Runs the script with the command's writers as its console; a throw prints <c>error: </c> and exits 1.</summary>
    private static async Task<int> RunAsync(ScriptCompilation compiled, OpenScheduler open, string[] args, TextWriter output, TextWriter error)
    {
        var (consoleOut, consoleError) = (Console.Out, Console.Error);
        bool redirect = !ReferenceEquals(output, consoleOut) || !ReferenceEquals(error, consoleError);
        if (redirect)
        {
            // In-process callers (the tests) capture what the script prints, from any thread.
            Console.SetOut(TextWriter.Synchronized(output));
            Console.SetError(TextWriter.Synchronized(error));
        }
        try
        {
            return await ScriptRunner.RunAsync(compiled, open, args);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            Console.Out.Flush();
            error.Write(ScriptFailure.Format(failure));
            return CliApp.FailureExitCode;
        }
        finally
        {
            if (redirect)
            {
                Console.SetOut(consoleOut);
                Console.SetError(consoleError);
            }
        }
    }
}
