namespace LazyDist.Cli.Parsing;

/// <summary>
/// The names closest to a mistyped one, for "did you mean" hints: by optimal string alignment
/// distance (edits and swaps of neighbours, ignoring case), within a few edits of the name's length.
/// </summary>
internal static class NearestNames
{
    /// <summary>The nearest of <paramref name="candidates"/> to <paramref name="typed"/>, ties in the given order; none when all are too far.</summary>
    public static IReadOnlyList<string> Of(string typed, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(candidates);
        int allowed = Allowed(typed);
        int best = int.MaxValue;
        var nearest = new List<string>();
        foreach (string candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            int distance = Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance > allowed || distance > best)
                continue;
            if (distance < best)
            {
                best = distance;
                nearest.Clear();
            }
            nearest.Add(candidate);
        }
        return nearest;
    }

    /// <summary>How many edits a hint may be away: one for short names, up to three for long ones.</summary>
    private static int Allowed(string typed)
    {
        int letters = typed.TrimStart('-').Length;
        return letters <= 3 ? 1 : letters <= 7 ? 2 : 3;
    }

    /// <summary>Insertions, deletions, substitutions and swaps of adjacent characters needed to turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
