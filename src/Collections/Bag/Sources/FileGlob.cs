using System.IO.Enumeration;

namespace LazyDist.Collections;

/// <summary>
/// Expands a path or a glob (<c>*</c> and <c>?</c> in any segment, <c>**</c> for any depth of
/// directories) into files in ordinal order of their full paths.
/// </summary>
internal static class FileGlob
{
    /// <exception cref="FileNotFoundException">The file does not exist, or no file matches; the message has the path as given.</exception>
    public static IReadOnlyList<string> Expand(string pathOrGlob)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathOrGlob);
        if (pathOrGlob.IndexOfAny(['*', '?']) < 0)
        {
            return File.Exists(pathOrGlob) ? [Path.GetFullPath(pathOrGlob)]
                : throw new FileNotFoundException($"'{pathOrGlob}' does not exist", pathOrGlob);
        }
        var full = Path.GetFullPath(pathOrGlob);
        var root = Path.GetPathRoot(full)!;
        var segments = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var found = new List<string>();
        Walk(root, segments, 0, found);
        if (found.Count == 0)
            throw new FileNotFoundException($"no file matches '{pathOrGlob}'", pathOrGlob);
        found.Sort(StringComparer.Ordinal);
        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void Walk(string directory, string[] segments, int at, List<string> found)
    {
        if (!Directory.Exists(directory))
            return;
        var segment = segments[at];
        bool last = at == segments.Length - 1;
        if (segment == "**")
        {
            if (!last)
                Walk(directory, segments, at + 1, found); // zero directories
            foreach (var sub in Directory.EnumerateDirectories(directory))
                Walk(sub, segments, at, found);
            return;
        }
        if (segment.IndexOfAny(['*', '?']) < 0)
        {
            var next = Path.Combine(directory, segment);
            if (last && File.Exists(next))
                found.Add(next);
            else if (!last)
                Walk(next, segments, at + 1, found);
            return;
        }
        var entries = last ? Directory.EnumerateFiles(directory) : Directory.EnumerateDirectories(directory);
        foreach (var entry in entries)
        {
            if (!FileSystemName.MatchesSimpleExpression(segment, Path.GetFileName(entry), ignoreCase: false))
                continue;
            if (last)
                found.Add(entry);
            else
                Walk(entry, segments, at + 1, found);
        }
    }
}
