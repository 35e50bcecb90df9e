using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace LazyDist.Cli.Parsing;

/// <summary><c>--log-level</c> (and <c>LAZYDIST_LOG_LEVEL</c>): how much every command logs on stderr.</summary>
internal static class LogLevels
{
    private static readonly Dictionary<string, LogLevel> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["trace"] = LogLevel.Trace, ["debug"] = LogLevel.Debug, ["information"] = LogLevel.Information, ["info"] = LogLevel.Information,
        ["warning"] = LogLevel.Warning, ["warn"] = LogLevel.Warning, ["error"] = LogLevel.Error, ["critical"] = LogLevel.Critical, ["none"] = LogLevel.None,
    };

    private const string Expected = "trace | debug | information | warning | error | critical | none";

    /// <summary>The option, on the root and every command below it.</summary>
    public static Option<LogLevel?> CreateOption(Func<string, string?> environment)
    {
        var option = new Option<LogLevel?>("--log-level") { Recursive = true, HelpName = "level" };
        string variable = EnvironmentDefaults.VariableOf(option);
        option.Description = $"What to log on stderr: {Expected} (default: information for center and worker, warning otherwise). [env: {variable}]";
        option.CustomParser = result =>
        {
            string? text = result.Tokens.Count > 0 ? result.Tokens[0].Value : environment(variable);
            if (text is null)
                return null;
            if (Names.TryGetValue(text.Trim(), out var level))
                return level;
            string from = result.Tokens.Count > 0 ? "" : $" (from {variable})";
            result.AddError($"--log-level '{text}' is not a log level (expected {Expected}){from}");
            return null;
        };
        option.DefaultValueFactory = option.CustomParser;
        return option;
    }

    /// <summary>The level asked for, or <paramref name="fallback"/>.</summary>
    public static LogLevel Of(ParseResult parsed, CliContext context, LogLevel fallback) => parsed.GetValue(context.LogLevel) ?? fallback;
}
