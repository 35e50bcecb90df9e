using System.Globalization;

namespace LazyDist.Cli.Seed;

/// <summary>What one seed run measured, printed as one line of <c>key=value</c> fields.</summary>
internal sealed record SeedResult(double Total, TimeSpan Elapsed, int? PeakChunks, int? PeakKeys, double? PeakRssMegabytes)
{
    public string Format(SeedOptions options)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"seed api={options.Api.Name()} scheduler={options.Scheduler} chunks={options.Chunks} chunk_size={options.ChunkSize} " +
            $"seconds={Elapsed.TotalSeconds:F3} total={Total:R}");
        if (PeakChunks is { } chunks)
            line += string.Create(CultureInfo.InvariantCulture, $" peak_chunks={chunks} peak_keys={PeakKeys}");
        if (PeakRssMegabytes is { } rss)
            line += string.Create(CultureInfo.InvariantCulture, $" peak_rss_mb={rss:F0}");
        return line;
    }
}
