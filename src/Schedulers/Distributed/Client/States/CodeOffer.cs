namespace LazyDist.Distributed.Client;

/// <summary>A user assembly a submission needs, offered to the center by hash.</summary>
/// <param name="Name">Its simple name.</param>
/// <param name="Hash">The SHA-256 of its bytes, as hex.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Root">Whether an operation of the submission names it (sent at once when the center lacks it); otherwise a dependency, sent when a worker asks.</param>
internal sealed record CodeOffer(string Name, string Hash, long Size, bool Root);
