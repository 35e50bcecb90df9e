using System.Globalization;

namespace LazyDist.Graph;

/// <summary>Short, culture-invariant descriptions of literal values for messages and DOT labels.</summary>
internal static class LiteralText
{
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => s.Length <= 24 ? $"\"{s}\"" : $"\"{s[..21]}...\"",
        Array a => $"{a.GetType().GetElementType()!.Name}[{a.Length}]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.GetType().Name,
    };
}
