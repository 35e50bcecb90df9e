using System.Globalization;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// Text that came from a peer (names, keys, reasons), made fit for a log line: control characters
/// replaced, so a name cannot forge lines, and long text cut, so one peer cannot flood the log.
/// </summary>
internal static class LogText
{
    /// <summary>The most characters kept of a peer's text.</summary>
    public const int MaxLength = 80;

    /// <summary><paramref name="text"/>, printable and at most <see cref="MaxLength"/> characters (plus a note of the length cut).</summary>
    public static string Of(string? text)
    {
        if (text is null)
            return "(none)";
        bool clean = text.Length <= MaxLength;
        for (int i = 0; clean && i < text.Length; i++)
            clean = !char.IsControl(text[i]);
        if (clean)
            return text;
        var kept = text.AsSpan(0, Math.Min(text.Length, MaxLength)).ToArray();
        for (int i = 0; i < kept.Length; i++)
        {
            if (char.IsControl(kept[i]))
                kept[i] = '?';
        }
        return text.Length <= MaxLength
            ? new string(kept)
            : string.Create(CultureInfo.InvariantCulture, $"{new string(kept)}... ({text.Length} characters)");
    }
}
