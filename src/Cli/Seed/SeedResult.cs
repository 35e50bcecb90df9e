using System.Globalization;

namespace LazyDist.Cli.Seed;

/// <summary>What one seed run measured, printed as one line of <c>key=value</c> fields.</summary>
internal sealed record SeedResult(double Total, TimeSpan Elapsed)
{
    /// <summary>The most bytes of results held at once, in chunks (rounded up).</summary>
    public int? PeakChunks { get; init; }

    /// <summary>The most keys held at once: by this process (local) or by all workers (cluster).</summary>
    public int? PeakKeys { get; init; }

    /// <summary>Bytes moved between workers plus bytes gathered by the client (cluster).</summary>
    public long? TransferredBytes { get; init; }

    /// <summary>CPU seconds (user + system) of this process and a local cluster's worker processes during the run; null for a remote cluster.</summary>
    public double? CpuSeconds { get; init; }

    /// <summary>CPU seconds of this process alone during the run (the client, and a local cluster's center), when worker processes ran the tasks.</summary>
    public double? OwnCpuSeconds { get; init; }

    /// <summary>This process's peak resident memory.</summary>
    public double? PeakRssMegabytes { get; init; }

    public string Format(SeedOptions options)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"seed api={options.Api.Name()} scheduler={options.Scheduler} chunks={options.Chunks} chunk_size={options.ChunkSize} " +
            $"seconds={Elapsed.TotalSeconds:F3} total={Total:R}");
        if (PeakChunks is { } chunks)
            line += string.Create(CultureInfo.InvariantCulture, $" peak_chunks={chunks}");
        if (PeakKeys is { } keys)
            line += string.Create(CultureInfo.InvariantCulture, $" peak_keys={keys}");
        if (TransferredBytes is { } bytes)
            line += string.Create(CultureInfo.InvariantCulture, $" transferred_bytes={bytes}");
        if (CpuSeconds is { } cpu)
            line += string.Create(CultureInfo.InvariantCulture, $" cpu_s={cpu:F2}");
        if (OwnCpuSeconds is { } own)
            line += string.Create(CultureInfo.InvariantCulture, $" client_cpu_s={own:F2}");
        if (PeakRssMegabytes is { } rss)
            line += string.Create(CultureInfo.InvariantCulture, $" peak_rss_mb={rss:F0}");
        return line;
    }
}
