namespace LazyDist.Cli.Seed;

/// <summary>Which API builds the seed's graph.</summary>
internal enum SeedApi
{
    /// <summary><c>DistArray.Random(...).Sum()</c>.</summary>
    Array,

    /// <summary><c>Delayed.Call</c> per chunk, <c>Delayed.All</c> for the total.</summary>
    Delayed,

    /// <summary>A hand-built <c>TaskGraph</c> with <c>("x", i)</c> keys, as in the 2015 prototype.</summary>
    Graph,
}

/// <summary>Names of <see cref="SeedApi"/> on the command line.</summary>
internal static class SeedApiNames
{
    public static SeedApi Parse(string text) => text switch
    {
        "array" => SeedApi.Array,
        "delayed" => SeedApi.Delayed,
        "graph" => SeedApi.Graph,
        _ => throw new UsageException($"--api '{text}' is not an API (expected array | delayed | graph)"),
    };

    public static string Name(this SeedApi api) => api.ToString().ToLowerInvariant();
}
