namespace LazyDist.Benchmarks.SideBySide;

/// <summary>The machine's load averages (1, 5, 15 minutes) from <c>/proc/loadavg</c>: how shared the cores were.</summary>
internal static class LoadAverage
{
    /// <summary><c>load_avg=A,B,C</c>, or <c>load_avg=unknown</c> where the OS does not report it.</summary>
    public static string Field()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path))
            return "load_avg=unknown";
        string[] parts = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3 ? $"load_avg={parts[0]},{parts[1]},{parts[2]}" : "load_avg=unknown";
    }
}
