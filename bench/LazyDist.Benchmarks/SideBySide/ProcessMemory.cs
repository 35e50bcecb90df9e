using System.Globalization;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>This process's resident memory from <c>/proc/self/status</c>: the peak (VmHWM) and the current (VmRSS).</summary>
internal static class ProcessMemory
{
    /// <summary>The peak resident set in MB, or NaN where the OS does not report it.</summary>
    public static double PeakMegabytes() => Read("VmHWM:");

    /// <summary>The current resident set in MB, or NaN where the OS does not report it.</summary>
    public static double CurrentMegabytes() => Read("VmRSS:");

    /// <summary>Starts the peak (VmHWM) again from the current resident set, where Linux allows it (<c>/proc/self/clear_refs</c>).</summary>
    public static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the peak then covers the whole process.
        }
    }

    private static double Read(string field)
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path))
            return double.NaN;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
                return double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        }
        return double.NaN;
    }
}
