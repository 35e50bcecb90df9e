using System.Collections.Concurrent;

namespace LazyDist.Graph;

/// <summary>
/// The group a key belongs to, for counters and pictures (dask's <c>key_split</c>): its name
/// without trailing token words, so <c>sum-3c1f9a…</c>, <c>('sum-3c1f9a…', 4)</c> and
/// <c>sum-77ab01…</c> are all <c>sum</c>, and <c>('inc', 3)</c> is <c>inc</c>.
/// </summary>
internal static class KeyPrefix
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string Of(TaskKey key) => Of(key.Name);

    public static string Of(string name)
    {
        if (Cache.TryGetValue(name, out var prefix))
            return prefix;
        prefix = Split(name);
        if (Cache.Count < 100_000)
            Cache[name] = prefix;
        return prefix;
    }

    private static string Split(string name)
    {
        var words = name.Split('-');
        int keep = words.Length;
        while (keep > 1 && IsToken(words[keep - 1]))
            keep--;
        return keep == words.Length ? name : string.Join('-', words, 0, keep);
    }

    // A token: 8 or more hexadecimal digits, such as a content hash or a unique id.
    private static bool IsToken(string word) => word.Length >= 8 && word.All(Uri.IsHexDigit);
}
