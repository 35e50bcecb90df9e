using System.Globalization;
using LazyDist.Distributed;
using LazyDist.Graph;
using LazyDist.Schedulers;
using Microsoft.Extensions.Logging;

namespace LazyDist.Cli;

/// <summary>
/// A <c>--scheduler</c> value: <c>sync</c>, <c>threads[:N]</c>, <c>processes[:N]</c> (a local
/// cluster of N worker processes, one thread each) or <c>tcp://HOST:PORT</c> (an existing center).
/// </summary>
internal sealed record SchedulerSpec(string Kind, int Count, string? Address)
{
    /// <summary>TLS for <c>tcp://</c> and <c>processes</c> (see <see cref="Commands.TlsCliOptions"/>); null for plain TCP.</summary>
    public TlsOptions? Tls { get; init; }

    public const string Help = "sync | threads[:N] | processes[:N] | tcp://HOST:PORT";

    /// <exception cref="UsageException">The text names no scheduler.</exception>
    public static SchedulerSpec Parse(string text)
    {
        if (text.StartsWith("tcp://", StringComparison.Ordinal))
        {
            try
            {
                _ = Distributed.Wire.Endpoints.Parse(text);
            }
            catch (FormatException e)
            {
                throw new UsageException($"--scheduler: {e.Message}");
            }
            return new SchedulerSpec("tcp", 0, text["tcp://".Length..]);
        }
        string[] parts = text.Split(':', 2);
        int count = 0;
        if (parts.Length == 2 && (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1))
            throw new UsageException($"--scheduler '{text}': the count after ':' must be a whole number of at least 1");
        return parts[0] switch
        {
            "sync" when parts.Length == 1 => new SchedulerSpec("sync", 1, null),
            "threads" => new SchedulerSpec("threads", count, null),
            "processes" => new SchedulerSpec("processes", count == 0 ? Environment.ProcessorCount : count, null),
            _ => throw new UsageException($"--scheduler '{text}' is not a scheduler (expected {Help})"),
        };
    }

    /// <summary>Whether the scheduler is a cluster (it reports transferred bytes and peak keys).</summary>
    public bool IsCluster => Kind is "tcp" or "processes";

    /// <summary>Creates the scheduler; dispose the result when done.</summary>
    public async Task<OpenScheduler> OpenAsync(string token, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        switch (Kind)
        {
            case "sync":
                return new OpenScheduler(new SynchronousScheduler(), null);
            case "threads":
                return new OpenScheduler(Count == 0 ? new ThreadedScheduler() : new ThreadedScheduler(Count), null);
            case "processes":
                var cluster = await LocalCluster.StartAsync(new LocalClusterOptions { Workers = Count, Tls = Tls }, loggers, cancellationToken).ConfigureAwait(false);
                return new OpenScheduler(cluster, cluster.Client, cluster);
            default:
                var client = await DistributedScheduler.ConnectAsync(Address!, token, Tls, cancellationToken).ConfigureAwait(false);
                return new OpenScheduler(client, client, client);
        }
    }
}

/// <summary>A scheduler ready to use, the cluster client behind it if any, and what to dispose.</summary>
internal sealed record OpenScheduler(IScheduler Scheduler, DistributedScheduler? Cluster, IAsyncDisposable? Owner = null) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Owner?.DisposeAsync() ?? ValueTask.CompletedTask;
}
