using LazyDist.Graph;

namespace LazyDist.Distributed.Client;

/// <summary>One interest in a key held by this client: the key and the incarnation of the client's record it was taken in (a key released and submitted again is a new incarnation, which old leases do not touch).</summary>
/// <param name="Key">The key the interest is in.</param>
/// <param name="Incarnation">The record's number.</param>
internal readonly record struct KeyInterest(TaskKey Key, long Incarnation);
