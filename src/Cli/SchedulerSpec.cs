using System.Globalization;
using LazyDist.Graph;
using LazyDist.Schedulers;

namespace LazyDist.Cli;

/// <summary>Parses a <c>--scheduler</c> value: <c>sync</c>, <c>threads</c> or <c>threads:N</c>.</summary>
internal static class SchedulerSpec
{
    public const string Help = "sync | threads[:N]";

    /// <exception cref="UsageException">The text names no scheduler.</exception>
    public static IScheduler Parse(string text)
    {
        string[] parts = text.Split(':', 2);
        switch (parts[0])
        {
            case "sync" when parts.Length == 1:
                return new SynchronousScheduler();
            case "threads" when parts.Length == 1:
                return new ThreadedScheduler();
            case "threads":
                if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1)
                    throw new UsageException($"--scheduler '{text}': the thread count must be a whole number of at least 1");
                return new ThreadedScheduler(n);
            default:
                throw new UsageException($"--scheduler '{text}' is not a scheduler (expected {Help})");
        }
    }
}
