using System.Collections;

namespace LazyDist.Graph;

/// <summary>
/// A task graph: a map from <see cref="TaskKey"/> to <see cref="TaskNode"/>, set by key like
/// dask's dict (<c>graph[("x", i)] = node</c>). Graphs are plain data: schedulers read them and
/// never change them, and they serialize when every operation is built-in.
/// </summary>
public sealed class TaskGraph : IReadOnlyDictionary<TaskKey, TaskNode>
{
    private readonly Dictionary<TaskKey, TaskNode> _nodes;

    /// <summary>An empty graph.</summary>
    public TaskGraph() => _nodes = [];

    /// <summary>An empty graph with room for <paramref name="capacity"/> tasks.</summary>
    public TaskGraph(int capacity) => _nodes = new Dictionary<TaskKey, TaskNode>(capacity);

    /// <summary>A graph holding <paramref name="nodes"/>.</summary>
    public TaskGraph(IEnumerable<KeyValuePair<TaskKey, TaskNode>> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        _nodes = nodes is ICollection<KeyValuePair<TaskKey, TaskNode>> known ? new(known.Count) : [];
        foreach (var (key, node) in nodes)
            this[key] = node;
    }

    /// <summary>The task at <paramref name="key"/>; setting replaces any task there.</summary>
    /// <exception cref="KeyNotFoundException">On get: no task has that key; the message names it.</exception>
    public TaskNode this[TaskKey key]
    {
        get => _nodes.TryGetValue(key, out var node) ? node : throw new KeyNotFoundException($"no task {key} in the graph");
        set
        {
            if (key.IsEmpty)
                throw new ArgumentException("a task needs a non-empty key", nameof(key));
            ArgumentNullException.ThrowIfNull(value);
            _nodes[key] = value;
        }
    }

    /// <summary>The number of tasks.</summary>
    public int Count => _nodes.Count;

    /// <summary>The keys.</summary>
    public IEnumerable<TaskKey> Keys => _nodes.Keys;

    /// <summary>The tasks.</summary>
    public IEnumerable<TaskNode> Values => _nodes.Values;

    /// <summary>Adds a task; a key already present is an error.</summary>
    /// <exception cref="ArgumentException">The key is already in the graph.</exception>
    public void Add(TaskKey key, TaskNode node)
    {
        if (_nodes.ContainsKey(key))
            throw new ArgumentException($"the graph already has a task {key}", nameof(key));
        this[key] = node;
    }

    /// <summary>Removes a task.</summary>
    public bool Remove(TaskKey key) => _nodes.Remove(key);

    /// <inheritdoc/>
    public bool ContainsKey(TaskKey key) => _nodes.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(TaskKey key, out TaskNode value) => _nodes.TryGetValue(key, out value!);

    /// <summary>The keys the task at <paramref name="key"/> reads.</summary>
    public IReadOnlyList<TaskKey> GetDependencies(TaskKey key) => this[key].Dependencies;

    /// <summary>For every key, the keys of the tasks in this graph that read it.</summary>
    public IReadOnlyDictionary<TaskKey, IReadOnlyList<TaskKey>> GetDependents()
    {
        var dependents = new Dictionary<TaskKey, List<TaskKey>>(_nodes.Count);
        foreach (var key in _nodes.Keys)
            dependents[key] = [];
        foreach (var (key, node) in _nodes)
        {
            foreach (var dep in node.Dependencies)
            {
                if (!dependents.TryGetValue(dep, out var list))
                    dependents[dep] = list = [];
                list.Add(key);
            }
        }
        return dependents.ToDictionary(p => p.Key, p => (IReadOnlyList<TaskKey>)p.Value);
    }

    /// <summary>Copies every task of <paramref name="other"/> into this graph (later wins).</summary>
    public void Update(TaskGraph other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (key, node) in other._nodes)
            _nodes[key] = node;
    }

    /// <summary>A new graph with the tasks of all <paramref name="graphs"/> (later wins).</summary>
    public static TaskGraph Merge(params IEnumerable<TaskGraph> graphs)
    {
        ArgumentNullException.ThrowIfNull(graphs);
        var merged = new TaskGraph();
        foreach (var graph in graphs)
            merged.Update(graph);
        return merged;
    }

    /// <summary>A copy of this graph.</summary>
    public TaskGraph Clone() => new(_nodes);

    /// <summary>
    /// Checks that every requested key and every dependency is in the graph and that there is no
    /// cycle. <paramref name="keys"/> defaults to the whole graph.
    /// </summary>
    /// <exception cref="GraphValidationException">The first problem found; its message and
    /// <see cref="GraphValidationException.Keys"/> name the keys involved.</exception>
    public void Validate(IEnumerable<TaskKey>? keys = null) => GraphValidation.Validate(this, keys);

    /// <summary>The subgraph needed to compute <paramref name="keys"/>.</summary>
    /// <exception cref="GraphValidationException">A key or dependency is missing.</exception>
    public TaskGraph Cull(IEnumerable<TaskKey> keys) => GraphCulling.Cull(this, keys);

    /// <summary>
    /// The static priority of every task (0 runs first): depth-first from the requested keys, so
    /// a scheduler finishes what it started before it starts more (dask.order's small goals).
    /// </summary>
    public IReadOnlyDictionary<TaskKey, int> Order(IEnumerable<TaskKey>? keys = null) => PriorityOrder.Compute(this, keys);

    /// <summary>
    /// The tasks <paramref name="keys"/> need, each right after its inputs, in the static priority
    /// order every scheduler follows (<see cref="Order"/>): culling, validation and ordering in one
    /// walk of the graph.
    /// </summary>
    /// <exception cref="GraphValidationException">A key or a dependency is missing, or there is a cycle; the message names them.</exception>
    public IReadOnlyList<KeyValuePair<TaskKey, TaskNode>> RunOrder(IEnumerable<TaskKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return GraphWalk.PostOrder(this, keys, throwOnMissing: true, throwOnCycle: true);
    }

    /// <summary>
    /// The graph in Graphviz DOT, drawn as dask draws one: each task's operation a circle (fused
    /// tasks named after what they fused, <c>random-mul-sum</c>), each result a box labelled with
    /// its key's prefix and index (<c>(sum, 3)</c>, without the token), edges from results to the
    /// operations that read them.
    /// </summary>
    /// <param name="collapse">One node per layer (the tasks that share a key name) with its task count, for big graphs.</param>
    public string ToDot(bool collapse = false) => DotExport.Write(this, collapse);

    /// <summary>
    /// Draws the graph (see <see cref="ToDot"/>) into <paramref name="path"/> with Graphviz's
    /// <c>dot</c>, in the format its extension names: <c>.svg</c>, <c>.png</c>, <c>.pdf</c>,
    /// <c>.jpg</c>, <c>.gif</c>, <c>.ps</c>; <c>.dot</c> writes the text without Graphviz.
    /// </summary>
    /// <param name="path">The picture's file; replaced if it exists.</param>
    /// <param name="collapse">One node per layer, as in <see cref="ToDot"/>.</param>
    /// <exception cref="ArgumentException">The extension names no picture format.</exception>
    /// <exception cref="InvalidOperationException">Graphviz is not installed (the message says how to install it), or <c>dot</c> failed.</exception>
    public void Visualize(string path, bool collapse = false) => DotRenderer.Render(ToDot(collapse), path);

    /// <summary>The graph as MessagePack bytes; every operation must be built-in.</summary>
    /// <exception cref="NotSupportedException">A task uses a local delegate or an unsupported literal; the message names it.</exception>
    public byte[] Serialize() => TaskGraphSerializer.Serialize(this);

    /// <summary>Reads a graph written by <see cref="Serialize"/>.</summary>
    /// <exception cref="FormatException">The bytes are not a graph, or name an unknown operation.</exception>
    /// <param name="bytes">What <see cref="Serialize"/> wrote.</param>
    /// <param name="resolver">Finds the user assemblies its operations name; by default, those of this process.</param>
    public static TaskGraph Deserialize(ReadOnlyMemory<byte> bytes, IAssemblyResolver? resolver = null) => TaskGraphSerializer.Deserialize(bytes, resolver);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<TaskKey, TaskNode>> GetEnumerator() => _nodes.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
