using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace LazyDist.Cli.Parsing;

/// <summary>
/// Configuration by environment variables: every option <c>--foo-bar</c> falls back to
/// <c>LAZYDIST_FOO_BAR</c> when it is not on the command line (flags win), so a secret such as
/// <c>--token</c> need not appear in <c>ps</c>. Help names the variable of each option.
/// </summary>
internal static class EnvironmentDefaults
{
    /// <summary>The variable of an option: <c>--center-timeout</c> reads <c>LAZYDIST_CENTER_TIMEOUT</c>.</summary>
    public static string VariableOf(Option option) =>
        "LAZYDIST_" + option.Name.TrimStart('-').Replace('-', '_').ToUpperInvariant();

    /// <summary>Defaults the option to its variable, else to <paramref name="fallback"/>; a variable that does not parse is an error naming it.</summary>
    public static Option<T> WithEnvironment<T>(this Option<T> option, CliContext context, T fallback) where T : IParsable<T>
    {
        string variable = VariableOf(option);
        option.Description = $"{option.Description} [env: {variable}]";
        option.DefaultValueFactory = result =>
        {
            if (context.Environment(variable) is not { } text)
                return fallback;
            if (T.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var value))
                return value;
            result.AddError($"{variable}='{text}' is not a valid value for {option.Name} (expected {Expected<T>()})");
            return fallback;
        };
        if (typeof(T) != typeof(bool)) // a bare flag has no token to parse
        {
            option.CustomParser = result =>
            {
                string text = result.Tokens[0].Value;
                if (T.TryParse(text, CultureInfo.InvariantCulture, out var value))
                    return value;
                result.AddError($"{option.Name} '{text}' is not {Expected<T>()}");
                return fallback;
            };
        }
        return option;
    }

    /// <summary>
    /// Marks an option whose value is a secret: it falls back to its variable too, but only when
    /// read by <see cref="SecretValue"/>, so help never shows it as a default.
    /// </summary>
    public static Option<string> AsSecret(this Option<string> option)
    {
        option.Description = $"{option.Description} [env: {VariableOf(option)}]";
        return option;
    }

    /// <summary>The secret's value: the flag, else its variable, else empty.</summary>
    public static string SecretValue(this ParseResult parsed, Option<string> option, CliContext context) =>
        parsed.GetValue(option) is { Length: > 0 } given ? given : context.Environment(VariableOf(option)) ?? "";

    /// <summary>Adds an error to an option's result; when the value came from the environment, says so.</summary>
    public static void Fail(this OptionResult result, string message) =>
        result.AddError(result.Implicit ? $"{message} (from {VariableOf(result.Option)})" : message);

    private static string Expected<T>() => typeof(T) switch
    {
        var t when t == typeof(int) || t == typeof(ulong) || t == typeof(long) => "a whole number",
        var t when t == typeof(double) => "a number",
        var t when t == typeof(bool) => "true or false",
        _ => typeof(T).Name,
    };
}
