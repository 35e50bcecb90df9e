namespace LazyDist.Graph;

/// <summary>One key group's share of a <see cref="ComputeProgress"/>.</summary>
/// <param name="Name">The key group (the key's name without its token).</param>
/// <param name="Done">Its tasks finished.</param>
/// <param name="Total">Its tasks in the run.</param>
public sealed record PrefixProgress(string Name, int Done, int Total);
