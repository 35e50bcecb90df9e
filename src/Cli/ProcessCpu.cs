using System.Diagnostics;
using System.Globalization;

namespace LazyDist.Cli;

/// <summary>
/// CPU time (user + system) of this process and of given child processes, where the OS reports
/// it (Linux: <c>/proc/PID/stat</c>). On a machine shared with other work, what a run cost
/// is steadier in CPU seconds than in wall seconds.
/// </summary>
internal static class ProcessCpu
{
    /// <summary>CPU seconds used so far by this process and by <paramref name="others"/>; null where a process's time cannot be read.</summary>
    public static double? Seconds(IReadOnlyList<int> others)
    {
        double seconds = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        foreach (int pid in others)
        {
            if (Ticks(pid) is not { } ticks)
                return null;
            seconds += ticks / 100.0;
        }
        return seconds;
    }

    /// <summary>utime + stime of <paramref name="pid"/> in clock ticks (1/100 s on Linux), or null.</summary>
    private static long? Ticks(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        // The command name, in parentheses, may hold spaces: the fields after it are utime (12th) and stime (13th).
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 12 && long.TryParse(fields[11], CultureInfo.InvariantCulture, out long user) && long.TryParse(fields[12], CultureInfo.InvariantCulture, out long system)
            ? user + system
            : null;
    }
}
