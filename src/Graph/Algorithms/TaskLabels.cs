using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LazyDist.Graph;

/// <summary>
/// Short names for pictures of graphs (dask's <c>key_split</c> and <c>task_label</c>): a key's
/// prefix without its token, and a task's operation, fused tasks named after what they fused
/// (<c>random-mul-sum</c>, producers first). Libraries name the tasks of their generic
/// operations (an array's block program) through <see cref="Register"/>.
/// </summary>
internal static partial class TaskLabels
{
    /// <summary>At most this many fused operations are named; longer chains show their first and last two.</summary>
    private const int MaxParts = 4;

    private static readonly ConcurrentDictionary<string, Func<TaskNode, IReadOnlyList<string>?>> Describers = new(StringComparer.Ordinal);

    /// <summary>
    /// Names the tasks of the built-in operation <paramref name="operation"/> by what they hold
    /// (for example the instructions of a fused block program). <paramref name="describe"/> returns
    /// the names of the steps, in the order they run, or <see langword="null"/> for the default
    /// (the operation's name after its last dot).
    /// </summary>
    public static void Register(string operation, Func<TaskNode, IReadOnlyList<string>?> describe)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentNullException.ThrowIfNull(describe);
        Describers[operation] = describe;
    }

    /// <summary>Whether the node is data rather than work: a stored value, or a value already held on a cluster.</summary>
    public static bool IsData(TaskNode node) => node.IsRemote || node.Op is { IsBuiltin: true, Name: CoreOperations.Value };

    /// <summary>
    /// The key's name with its tokens (32 or more hex digits, or a UUID) taken out:
    /// <c>sum-44ac26db295b4da82522307daf5c7084-0</c> is <c>sum-0</c>; a name that is all token is <c>#</c>.
    /// </summary>
    public static string Prefix(TaskKey key)
    {
        string name = Token().Replace(key.Name, "");
        name = Hyphens().Replace(name, "-").Trim('-');
        return name.Length == 0 ? "#" : name;
    }

    /// <summary>A result's label: <c>(prefix, index)</c>, or the prefix of a key with no index.</summary>
    public static string Data(TaskKey key) =>
        key.Index is { } index ? string.Create(CultureInfo.InvariantCulture, $"({Prefix(key)}, {index})") : Prefix(key);

    /// <summary>
    /// The task's operation: its own name, after the names of the tasks fused into it (inline
    /// calls, producers first), repeats merged, as <c>random-sum</c>.
    /// </summary>
    public static string Operation(TaskNode node)
    {
        var parts = new List<string>();
        Collect(node, parts);
        if (parts.Count > MaxParts)
            parts = [parts[0], "…", .. parts[^2..]];
        return string.Join('-', parts);
    }

    private static void Collect(TaskNode node, List<string> parts)
    {
        foreach (var arg in node.Args)
        {
            if (arg is TaskCall call)
                Collect(call.Node, parts);
        }
        foreach (string part in Own(node))
        {
            if (parts.Count == 0 || parts[^1] != part)
                parts.Add(part);
        }
    }

    /// <summary>The names of the node's own steps, without what was fused into it as inline calls.</summary>
    private static IReadOnlyList<string> Own(TaskNode node)
    {
        var op = node.Op;
        if (!op.IsBuiltin)
            return [op.Name];
        if (Describers.TryGetValue(op.Name, out var describe) && describe(node) is { Count: > 0 } described)
            return described;
        return [op.Name[(op.Name.LastIndexOf('.') + 1)..]];
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32,}", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex("--+")]
    private static partial Regex Hyphens();
}
