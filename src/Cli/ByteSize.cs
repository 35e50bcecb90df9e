using System.Globalization;

namespace LazyDist.Cli;

/// <summary>Sizes on the command line: <c>4GB</c>, <c>512MiB</c>, <c>1.5G</c>, <c>100000</c> (bytes); powers of 1000 for kB/MB/GB/TB, of 1024 for KiB/MiB/GiB/TiB.</summary>
internal static class ByteSize
{
    private static readonly (string Suffix, long Factor)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40),
        ("kB", 1000L), ("KB", 1000L), ("MB", 1_000_000L), ("GB", 1_000_000_000L), ("TB", 1_000_000_000_000L),
        ("K", 1000L), ("M", 1_000_000L), ("G", 1_000_000_000L), ("T", 1_000_000_000_000L), ("B", 1L),
    ];

    /// <param name="text">The size as typed.</param>
    /// <param name="option">The option it came with, named in the message.</param>
    /// <param name="allowZero">Whether 0 is allowed (an option where it means none).</param>
    /// <exception cref="UsageException">Not a positive size (or 0, when allowed); the message quotes it and names <paramref name="option"/>.</exception>
    public static long Parse(string text, string option, bool allowZero = false)
    {
        string trimmed = text.Trim();
        long factor = 1;
        foreach (var (suffix, unit) in Units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal))
            {
                trimmed = trimmed[..^suffix.Length].TrimEnd();
                factor = unit;
                break;
            }
        }
        if (!double.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number) || number < 0 || (number == 0 && !allowZero) || number * factor >= long.MaxValue)
            throw new UsageException($"{option} must be a size such as 4GB, 512MiB or 100000{(allowZero ? " (0 for none)" : "")}, got '{text}'");
        return (long)Math.Round(number * factor);
    }
}
