using System.Globalization;
using System.Net;

namespace LazyDist.Dashboard.Rendering;

/// <summary>Escaping and number formats shared by the pages.</summary>
internal static class Text
{
    public static string Html(string text) => WebUtility.HtmlEncode(text);

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Bytes(long bytes) => bytes switch
    {
        < 1 << 10 => $"{bytes} B",
        < 1 << 20 => $"{Number(bytes / 1024.0)} KiB",
        < 1 << 30 => $"{Number(bytes / (1024.0 * 1024))} MiB",
        _ => $"{Number(bytes / (1024.0 * 1024 * 1024))} GiB",
    };

    public static string Duration(TimeSpan duration) => duration.TotalSeconds >= 1
        ? $"{Number(duration.TotalSeconds)} s"
        : $"{Number(duration.TotalMilliseconds)} ms";
}
