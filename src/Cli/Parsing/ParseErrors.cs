using System.CommandLine;
using System.CommandLine.Parsing;

namespace LazyDist.Cli.Parsing;

/// <summary>
/// Every parse error of a command line, one line each: unknown commands and options with the
/// nearest known name ("did you mean 'seed'?"), bad values naming the option.
/// </summary>
internal static class ParseErrors
{
    /// <summary>The lines to print, in the order of the errors.</summary>
    public static IReadOnlyList<string> Describe(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var command = parsed.CommandResult.Command;
        var unmatched = parsed.UnmatchedTokens.ToHashSet(StringComparer.Ordinal);
        var valuesOfUnknown = ValuesOfUnknownOptions(parsed.UnmatchedTokens);
        var lines = new List<string>();
        foreach (var error in parsed.Errors)
        {
            if (UnmatchedToken(error, unmatched) is not { } token)
            {
                lines.Add(error.Message);
            }
            else if (!valuesOfUnknown.Contains(token))
            {
                lines.Add(Unknown(token, command, parsed));
                if (command is RootCommand && !token.StartsWith('-'))
                    return [Unknown(token, command, parsed)]; // what follows an unknown command belongs to it
            }
        }
        return [.. lines.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Unmatched words right after an unknown option: its value, not mistakes of their own (<c>--chunk 3</c>).</summary>
    private static HashSet<string> ValuesOfUnknownOptions(IReadOnlyList<string> unmatched)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 1; i < unmatched.Count; i++)
        {
            if (unmatched[i - 1].StartsWith('-') && !unmatched[i].StartsWith('-'))
                values.Add(unmatched[i]);
        }
        return values;
    }

    /// <summary>The token an "unrecognized" error is about, if it is one.</summary>
    private static string? UnmatchedToken(ParseError error, HashSet<string> unmatched) =>
        error.Message.StartsWith("Unrecognized command or argument", StringComparison.Ordinal)
            ? unmatched.FirstOrDefault(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal))
            : null;

    private static string Unknown(string token, Command command, ParseResult parsed)
    {
        string where = command is RootCommand ? "" : $" for '{command.Name}'";
        if (token.StartsWith('-'))
            return $"unknown option '{token}'{where}{Hint(token, OptionNames(command, parsed))}";
        if (command.Subcommands.Count > 0)
            return $"unknown command '{token}'{Hint(token, command.Subcommands.Select(c => c.Name))}";
        return $"unexpected argument '{token}'{where}{Hint("--" + token, OptionNames(command, parsed))}";
    }

    /// <summary>The option names valid after <paramref name="command"/>: its own and the recursive ones of its parents.</summary>
    private static IEnumerable<string> OptionNames(Command command, ParseResult parsed)
    {
        var options = command.Options.AsEnumerable();
        for (var parent = parsed.CommandResult.Parent; parent is CommandResult p; parent = p.Parent)
            options = options.Concat(p.Command.Options.Where(o => o.Recursive));
        return options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
    }

    private static string Hint(string token, IEnumerable<string> names) => NearestNames.Of(token, names) switch
    {
        [] => "",
        [var one] => $" (did you mean '{one}'?)",
        var many => $" (did you mean {string.Join(" or ", many.Take(3).Select(n => $"'{n}'"))}?)",
    };
}
