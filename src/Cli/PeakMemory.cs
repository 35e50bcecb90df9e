using System.Globalization;

namespace LazyDist.Cli;

/// <summary>The process's peak resident memory, where the OS reports it (Linux: VmHWM).</summary>
internal static class PeakMemory
{
    public static double? ResidentMegabytes()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path))
            return null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return double.Parse(kb, CultureInfo.InvariantCulture) / 1024.0;
            }
        }
        return null;
    }
}
