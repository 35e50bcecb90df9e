namespace LazyDist.Cli.Seed;

/// <summary>The seed job's parameters, validated.</summary>
internal sealed record SeedOptions(int Chunks, int ChunkSize, SeedApi Api, string Scheduler, ulong Seed);
