using System.Globalization;

namespace LazyDist.Benchmarks.Dashboard;

/// <summary>CPU time of a process and every process under it, from <c>/proc</c> (a browser is a tree of processes).</summary>
internal static class ProcessTree
{
    /// <summary>CPU seconds (user and system) used so far by process <paramref name="root"/> and its descendants that still run, plus the children they reaped.</summary>
    public static double CpuSeconds(int root)
    {
        var stats = new Dictionary<int, (int Parent, long Ticks)>();
        foreach (string folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), CultureInfo.InvariantCulture, out int pid))
                continue;
            try
            {
                // /proc/PID/stat after the command's ')': state, ppid, …; utime, stime, cutime, cstime are fields 14–17, in ticks of 1/100 s.
                var fields = File.ReadAllText(Path.Combine(folder, "stat")).Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                long ticks = 0;
                for (int i = 11; i <= 14; i++)
                    ticks += long.Parse(fields[i], CultureInfo.InvariantCulture);
                stats[pid] = (int.Parse(fields[1], CultureInfo.InvariantCulture), ticks);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }
        long total = 0;
        foreach (var (pid, stat) in stats)
        {
            for (int p = pid; stats.TryGetValue(p, out var up); p = up.Parent)
            {
                if (p == root)
                {
                    total += stat.Ticks;
                    break;
                }
            }
        }
        return total / 100.0;
    }
}
