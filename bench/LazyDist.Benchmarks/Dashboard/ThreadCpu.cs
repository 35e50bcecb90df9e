using System.Globalization;

namespace LazyDist.Benchmarks.Dashboard;

/// <summary>
/// CPU ticks (1/100 s) of one process's threads, summed by thread name (Linux keeps 15 characters:
/// <c>.NET TP Worker</c>, <c>.NET Tiered Com</c>, …): where a process's time goes between two looks.
/// A thread that ends between the looks takes its ticks with it.
/// </summary>
internal static class ThreadCpu
{
    /// <summary>Ticks so far of each thread name of process <paramref name="pid"/>.</summary>
    public static Dictionary<string, long> ByName(int pid)
    {
        var ticks = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(task, "stat"));
            }
            catch (IOException)
            {
                continue; // the thread ended while we looked
            }
            int open = stat.IndexOf('(', StringComparison.Ordinal), close = stat.LastIndexOf(')');
            string name = stat[(open + 1)..close];
            // After the name: state, ppid, …; utime and stime are fields 14 and 15.
            var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            ticks[name] = ticks.GetValueOrDefault(name) + long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        return ticks;
    }

    /// <summary>What each name gained from <paramref name="before"/> to <paramref name="after"/>, added into <paramref name="into"/>.</summary>
    public static void AddGains(Dictionary<string, long> before, Dictionary<string, long> after, Dictionary<string, long> into)
    {
        foreach (var (name, now) in after)
        {
            long gain = now - before.GetValueOrDefault(name);
            if (gain > 0)
                into[name] = into.GetValueOrDefault(name) + gain;
        }
    }
}
