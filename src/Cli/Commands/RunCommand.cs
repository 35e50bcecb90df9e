using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using LazyDist.Cli.Parsing;
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
    public static Command Create(CliContext context)
    {
        var script = new Argument<string>("script") { Description = "The C# script (top-level statements) to run." };
        var args = new Argument<string[]>("args") { Description = "The script's args (put them after -- if they look like options).", Arity = ArgumentArity.ZeroOrMore };
        var scheduler = new Option<string>("--scheduler") { Description = $"The script's Scheduler, also its default one: {SchedulerSpec.Help}." }
            .WithEnvironment(context, "threads").ParsesAs(SchedulerSpec.Parse);
        var token = new Option<string>("--token") { Description = "The cluster's token, for --scheduler tcp://." }.AsSecret();
        var verbose = new Option<bool>("--verbose") { Description = "Also print the compiler's warnings and the compile time on stderr." }.WithEnvironment(context, false);
        var command = new Command("run", "Compile a C# script and run it; it sees the chosen scheduler as Scheduler.")
        {
            script, args, scheduler, token, verbose,
        };
        var tls = new TlsCliOptions();
        tls.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            string path = parsed.GetValue(script)!;
            RejectMistypedOptions(parsed, command, path);
            var spec = SchedulerSpec.Parse(parsed.GetValue(scheduler)!) with { Tls = tls.Read(parsed) };
            var compiled = Compile(path, parsed.GetValue(verbose), context.Error);
            if (!compiled.Succeeded)
                return CliApp.UsageExitCode;
            using var loggers = CliLogging.Create(LogLevels.Of(parsed, context, LogLevel.Warning));
            await using var open = await spec.OpenAsync(parsed.SecretValue(token, context), loggers, cancellationToken);
            return await RunAsync(compiled, open, parsed.GetValue(args) ?? [], context, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// Words that look like a mistyped option of <c>run</c> (<c>--schedular</c>) are refused rather
    /// than handed to the script, unless they come after <c>--</c>; other words starting with <c>-</c>
    /// are the script's own.
    /// </summary>
    /// <exception cref="UsageException">The script path or a word before <c>--</c> is close to an option of <c>run</c>.</exception>
    private static void RejectMistypedOptions(ParseResult parsed, Command command, string path)
    {
        var names = command.Options.Select(o => o.Name).Append("--log-level").ToList();
        var words = parsed.Tokens.TakeWhile(t => t.Type != TokenType.DoubleDash)
            .Where(t => t.Type == TokenType.Argument && t.Value.StartsWith('-'))
            .Select(t => t.Value);
        foreach (string word in words)
        {
            bool isPath = word == path;
            var nearest = NearestNames.Of(word, names);
            if (isPath || nearest.Count > 0)
            {
                string hint = nearest.Count > 0 ? $" (did you mean '{nearest[0]}'?)" : "";
                throw new UsageException($"unknown option '{word}' for 'run'{hint}; words for the script itself that start with '-' go after --");
            }
        }
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

    /// <summary>
    /// Runs the script with the command's writers as its console; a throw prints <c>error: </c> and
    /// exits 1. The script runs on a thread of its own, so Ctrl+C ends the command at once even while
    /// the script blocks (its computations stop with the scheduler, disposed on the way out).
    /// </summary>
    /// <exception cref="OperationCanceledException">Ctrl+C, before the script finished.</exception>
    private static async Task<int> RunAsync(ScriptCompilation compiled, OpenScheduler open, string[] args, CliContext context, CancellationToken cancellationToken)
    {
        var (output, error) = (context.Output, context.Error);
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
            // On a terminal, every compute of the script draws progress bars while it runs.
            var seen = ProgressReporter.Draws(error) ? open with { Scheduler = new ProgressScheduler(open.Scheduler, error) } : open;
            var running = Task.Run(() => ScriptRunner.RunAsync(compiled, seen, args), CancellationToken.None);
            return await running.WaitAsync(cancellationToken);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException && !(failure is OperationCanceledException && cancellationToken.IsCancellationRequested))
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
