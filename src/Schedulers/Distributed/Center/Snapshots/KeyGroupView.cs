namespace LazyDist.Distributed.Center;

/// <summary>One node of the graph page: a key group, its tasks by status and the groups it reads.</summary>
/// <param name="Counts">Its tasks by status.</param>
/// <param name="Reads">The groups its tasks read, by name, ordered.</param>
internal sealed record KeyGroupView(PrefixCounts Counts, IReadOnlyList<string> Reads);
