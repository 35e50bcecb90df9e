using Microsoft.Extensions.Logging;

namespace LazyDist.Cli;

/// <summary>What every command is built with: where it writes, where it reads the environment, and the shared <c>--log-level</c>.</summary>
/// <param name="Output">Results (standard output).</param>
/// <param name="Error">Messages and logs (standard error).</param>
/// <param name="Environment">Reads an environment variable (<c>LAZYDIST_*</c> configuration); <see langword="null"/> when unset.</param>
/// <param name="LogLevel">The <c>--log-level</c> option, on every command; <see langword="null"/> when not given.</param>
internal sealed record CliContext(TextWriter Output, TextWriter Error, Func<string, string?> Environment, System.CommandLine.Option<LogLevel?> LogLevel);
