using LazyDist.Graph;
using Microsoft.Extensions.Logging;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// What a center checks of every submitted graph itself, before its scheduler sees it: clients
/// validate too, but a center cannot count on that. Counts and key names within bounds, no task
/// submitted twice, no cycle among the submitted tasks (a task that depends on itself once made a
/// center grow without end), and nodes whose arguments nest no deeper than a worker reads. Missing
/// dependencies are left to the scheduler, which knows the keys it holds already. A graph that
/// fails is refused to its client alone: every key it wanted fails with the reason, the refusal is
/// logged once, and the connection stays open.
/// </summary>
internal static class GraphAdmission
{
    /// <summary>The most tasks, and the most wanted keys, in one submission.</summary>
    public const int MaxTasks = 10_000_000;

    /// <summary>The most dependencies of one task.</summary>
    public const int MaxDependencies = 1_000_000;

    /// <summary>The longest key name.</summary>
    public const int MaxKeyLength = 4096;

    /// <summary>The deepest nesting of a node's bytes: a worker's readers stop at <see cref="ReadDepth.Max"/> levels, each at most three containers deep.</summary>
    public const int MaxNodeNesting = 3 * ReadDepth.Max;

    /// <summary>Why <paramref name="graph"/> is refused; null when it is admitted.</summary>
    /// <exception cref="WireProtocolException">A key is not a key at all (an empty name, an index below -1).</exception>
    public static GraphRefusal? Check(SubmitGraphMessage graph)
    {
        var tasks = graph.Tasks;
        if (tasks.Length > MaxTasks || graph.Wanted.Length > MaxTasks)
            return new GraphRefusal(null, $"a graph of {tasks.Length} tasks wanting {graph.Wanted.Length} keys is more than the {MaxTasks} a center accepts at once");
        var heads = graph.Heads ?? [];
        foreach (var head in heads)
        {
            if (!NodeNesting.IsHead(head, out string problem))
                return new GraphRefusal(null, $"a shared node head is refused: {problem}");
        }
        var index = new Dictionary<WireKey, int>(tasks.Length);
        for (int i = 0; i < tasks.Length; i++)
        {
            var task = tasks[i];
            if (Name(task.Key) is { } bad)
                return bad;
            if (!index.TryAdd(task.Key, i))
                return new GraphRefusal(task.Key, $"task {Show(task.Key)} is submitted twice");
            if (task.Dependencies.Length > MaxDependencies)
                return new GraphRefusal(task.Key, $"task {Show(task.Key)} has {task.Dependencies.Length} dependencies, more than the {MaxDependencies} allowed");
            if (task.Head >= heads.Length || task.Head < -1)
                return new GraphRefusal(task.Key, $"task {Show(task.Key)} names node head {task.Head} of the {heads.Length} sent");
            // After a head, the bytes are the arguments, one level inside the node.
            if (!NodeNesting.IsWithin(task.Node, task.Head < 0 ? MaxNodeNesting : MaxNodeNesting - 1, out string problem))
                return new GraphRefusal(task.Key, $"task {Show(task.Key)} is refused: {problem}");
        }
        foreach (var key in graph.Wanted)
        {
            if (Name(key) is { } bad)
                return bad;
        }
        return Cycle(tasks, index);
    }

    /// <summary>Refuses <paramref name="graph"/> to the client on <paramref name="connection"/>: each wanted key fails with the reason.</summary>
    public static void Refuse(WireConnection connection, SubmitGraphMessage graph, GraphRefusal refusal, ILogger log)
    {
        log.LogWarning("refused a graph of {Tasks} tasks from the client at {Remote}: {Reason}", graph.Tasks.Length, connection.Remote, refusal.Reason);
        string type = typeof(GraphValidationException).FullName!;
        foreach (var wanted in graph.Wanted.Distinct())
            connection.Send(new KeyErredMessage(wanted, refusal.Culprit ?? wanted, type, $"the center refused the graph: {refusal.Reason}", null));
    }

    /// <summary>Kahn's algorithm over the edges between submitted tasks; what is left unordered holds a cycle, named from one of its members.</summary>
    private static GraphRefusal? Cycle(SubmittedTask[] tasks, Dictionary<WireKey, int> index)
    {
        var waitingOn = new int[tasks.Length];
        var dependents = new List<int>?[tasks.Length];
        for (int i = 0; i < tasks.Length; i++)
        {
            foreach (var dep in tasks[i].Dependencies)
            {
                if (!index.TryGetValue(dep, out int d))
                    continue; // held by the center already, or missing: the scheduler's to say
                waitingOn[i]++;
                (dependents[d] ??= []).Add(i);
            }
        }
        var ready = new Stack<int>();
        for (int i = 0; i < tasks.Length; i++)
        {
            if (waitingOn[i] == 0)
                ready.Push(i);
        }
        int ordered = 0;
        while (ready.Count > 0)
        {
            int done = ready.Pop();
            ordered++;
            foreach (int dependent in dependents[done] ?? [])
            {
                if (--waitingOn[dependent] == 0)
                    ready.Push(dependent);
            }
        }
        if (ordered == tasks.Length)
            return null;
        // Every unordered task waits on an unordered dependency: walk those until one repeats.
        int at = Array.FindIndex(waitingOn, n => n > 0);
        var seen = new Dictionary<int, int>();
        var path = new List<int>();
        while (seen.TryAdd(at, path.Count))
        {
            path.Add(at);
            at = tasks[at].Dependencies.Select(d => index.TryGetValue(d, out int j) ? j : -1).First(j => j >= 0 && waitingOn[j] > 0);
        }
        var cycle = path.Skip(seen[at]).Select(i => tasks[i].Key).ToList();
        string reason = cycle.Count == 1
            ? $"task {Show(cycle[0])} depends on itself"
            : $"tasks {string.Join(" -> ", cycle.Take(5).Select(Show))}{(cycle.Count > 5 ? $" (and {cycle.Count - 5} more)" : "")} depend on each other in a cycle";
        return new GraphRefusal(cycle[0], reason);
    }

    /// <exception cref="WireProtocolException">Not a key at all: no well-behaved client sends that.</exception>
    private static GraphRefusal? Name(WireKey key)
    {
        if (string.IsNullOrEmpty(key.Name) || key.Index < -1)
            throw new WireProtocolException($"invalid key on the wire: name '{LogText.Of(key.Name)}', index {key.Index}");
        return key.Name.Length > MaxKeyLength
            ? new GraphRefusal(null, $"a key name of {key.Name.Length} characters is longer than the {MaxKeyLength} allowed")
            : null;
    }

    private static string Show(WireKey key) => key.Index < 0 ? LogText.Of(key.Name) : $"('{LogText.Of(key.Name)}', {key.Index})";
}

/// <summary>Why a center refuses a submitted graph.</summary>
/// <param name="Culprit">The key at fault, when one is.</param>
/// <param name="Reason">What is wrong, naming the keys.</param>
internal sealed record GraphRefusal(WireKey? Culprit, string Reason);
