using LazyDist.Graph;

namespace LazyDist.Distributed;

/// <summary>How the keys of submitted calls are named.</summary>
/// <param name="Pure">Derive each key from the function and the arguments (equal calls share a key and run once);
/// otherwise each key is unique.</param>
/// <param name="Prefix">The name part of the keys; the function's short name when null.</param>
/// <param name="Key">The one call's key, given by the caller.</param>
/// <param name="Indexed">Unique keys of several calls share a name and differ by index, like <c>('inc-…', 3)</c>.</param>
internal readonly record struct CallNaming(bool Pure, string? Prefix = null, TaskKey? Key = null, bool Indexed = false);
