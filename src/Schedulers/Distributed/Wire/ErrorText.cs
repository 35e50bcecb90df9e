using System.Globalization;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// An exception's message or stack trace as a worker sends it: cut to <see cref="MaxLength"/>
/// characters, so a task that throws with a huge message fails like any other instead of making a
/// report larger than the center reads from a worker (which would close the worker's connection).
/// </summary>
internal static class ErrorText
{
    /// <summary>The most characters of a message or stack trace sent.</summary>
    public const int MaxLength = 64 * 1024;

    /// <summary><paramref name="text"/>, cut to <see cref="MaxLength"/> characters with a note of what was cut.</summary>
    public static string? Bound(string? text) =>
        text is null || text.Length <= MaxLength
            ? text
            : string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, MaxLength)}... ({text.Length - MaxLength} more characters cut)");
}
