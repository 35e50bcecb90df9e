using System.Globalization;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>Reads <c>key=value</c> fields from a line, and medians and ratios for the report.</summary>
internal static class Fields
{
    /// <summary>The number in field <paramref name="key"/> of <paramref name="line"/>.</summary>
    /// <exception cref="FormatException">The line has no such numeric field; the message shows the line.</exception>
    public static double Number(string line, string key)
    {
        string prefix = key + "=";
        foreach (var field in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (field.StartsWith(prefix, StringComparison.Ordinal)
                && double.TryParse(field.AsSpan(prefix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                return value;
        }
        throw new FormatException($"no numeric field '{key}' in: {line}");
    }

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Formats a number with <paramref name="digits"/> decimals, invariantly.</summary>
    public static string F(double value, int digits = 3) => value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Formats a list of numbers as <c>a,b,c</c>.</summary>
    public static string List(IEnumerable<double> values, int digits = 3) => string.Join(',', values.Select(v => F(v, digits)));
}
