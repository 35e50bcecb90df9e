using System.IO.Hashing;
using System.Text;

namespace LazyDist.Dashboard.Rendering;

/// <summary>The colour of a key group: the same in every page, report and process (a stable hash of its name).</summary>
internal static class PrefixColors
{
    private static readonly string[] Palette =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2",
        "#17becf", "#bcbd22", "#393b79", "#637939", "#8c6d31", "#7b4173",
    ];

    /// <summary>The colour of failed runs and erred tasks.</summary>
    public const string Erred = "#d62728";

    public static string Of(string prefix) => Palette[XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(prefix)) % (uint)Palette.Length];
}
