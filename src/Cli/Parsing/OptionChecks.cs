using System.CommandLine;
using System.Globalization;
using System.Net;

namespace LazyDist.Cli.Parsing;

/// <summary>
/// Checks of option values, run while parsing so that every bad value is reported at once, each
/// in one line naming the option and the value.
/// </summary>
internal static class OptionChecks
{
    /// <summary>The value must be at least <paramref name="minimum"/>.</summary>
    public static Option<int> AtLeast(this Option<int> option, int minimum) => option.Check(v =>
        v >= minimum ? null : string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be at least {minimum}, got {v}"));

    /// <summary>A TCP port: 0 (any free port) to 65535.</summary>
    public static Option<int> IsPort(this Option<int> option) => option.Check(v =>
        v is >= 0 and <= 65535 ? null : string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be between 0 and 65535, got {v}"));

    /// <summary>A number of seconds, more than zero.</summary>
    public static Option<double> IsPositiveSeconds(this Option<double> option) => option.Check(v =>
        v > 0 && double.IsFinite(v) ? null : string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be a number of seconds above 0, got {v}"));

    /// <summary>An address to listen on: an IP address, or <c>localhost</c>.</summary>
    public static Option<string> IsListenAddress(this Option<string> option) => option.Check(v =>
        v == "localhost" || IPAddress.TryParse(v, out _) ? null : $"{option.Name} '{v}' is not an IP address to listen on (such as 127.0.0.1, or 0.0.0.0 for every interface)");

    /// <summary>The value must be accepted by <paramref name="parse"/>, which throws a <see cref="UsageException"/> saying why not.</summary>
    public static Option<T> ParsesAs<T, TResult>(this Option<T> option, Func<T, TResult> parse) => option.Check(v =>
    {
        try
        {
            _ = parse(v);
            return null;
        }
        catch (UsageException e)
        {
            return e.Message;
        }
    });

    /// <summary>Adds a check: <paramref name="problem"/> returns what is wrong with a value, or <see langword="null"/>.</summary>
    private static Option<T> Check<T>(this Option<T> option, Func<T, string?> problem)
    {
        option.Validators.Add(result =>
        {
            T value;
            try
            {
                value = result.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                return; // the value did not parse: that error is reported already
            }
            if (problem(value) is { } message)
                result.Fail(message);
        });
        return option;
    }
}
