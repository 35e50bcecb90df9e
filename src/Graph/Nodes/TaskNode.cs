namespace LazyDist.Graph;

/// <summary>
/// One task: an operation and its arguments (literals, references to other keys, lists of
/// those). Immutable; the keys it depends on are computed once, in order of first appearance.
/// </summary>
public sealed class TaskNode
{
    private readonly TaskArg[] _args;
    private readonly TaskKey[] _dependencies;

    /// <summary>A task that calls <paramref name="op"/> with <paramref name="args"/>.</summary>
    /// <exception cref="ArgumentNullException">The operation or an argument is null.</exception>
    public TaskNode(OpRef op, params TaskArg[] args)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(args);
        _args = (TaskArg[])args.Clone();
        foreach (var arg in _args)
            ArgumentNullException.ThrowIfNull(arg, nameof(args));
        Op = op;
        _dependencies = DependenciesOf(op, _args);
    }

    /// <summary>A node over an argument array the caller gives up (a reader's fresh one): no copy, no null check.</summary>
    internal TaskNode(OpRef op, TaskArg[] args, bool owned)
    {
        System.Diagnostics.Debug.Assert(owned);
        _args = args;
        Op = op;
        _dependencies = DependenciesOf(op, args);
    }

    private static TaskKey[] DependenciesOf(OpRef op, TaskArg[] args)
    {
        if (op.IsBuiltin && Array.TrueForAll(args, static a => a is Literal))
            return []; // a tiny task of literals reads nothing: no list to collect into
        var refs = new List<TaskKey>();
        foreach (var arg in args)
            arg.CollectReferences(refs);
        if (!op.IsBuiltin)
            refs.AddRange(op.CapturedKeys);
        return refs.Count <= 1 ? [.. refs] : [.. refs.Distinct()];
    }

    /// <summary>The operation.</summary>
    public OpRef Op { get; }

    /// <summary>The arguments, in call order.</summary>
    public IReadOnlyList<TaskArg> Args => _args;

    /// <summary>The distinct keys this task reads, in order of first appearance.</summary>
    public IReadOnlyList<TaskKey> Dependencies => _dependencies;

    /// <summary><see cref="Dependencies"/> as the node's own array, never to be changed (a client shares it instead of copying it per task).</summary>
    internal TaskKey[] DependencyArray => _dependencies;

    /// <summary>A node that holds <paramref name="value"/> (dask's <c>DataNode</c>).</summary>
    public static TaskNode FromValue(object? value) => new(OperationRegistry.Get(CoreOperations.Value), new Literal(value));

    /// <summary>
    /// A node that stands for <paramref name="key"/>'s value already held on a cluster (a future's
    /// or a remote proxy's key): a cluster client submits no task for it and reads the held value;
    /// any other scheduler fails on it with a message naming the key and the cluster.
    /// </summary>
    /// <param name="key">The key the node is filed under in its graph.</param>
    /// <param name="location">The cluster's address, for messages.</param>
    public static TaskNode Remote(TaskKey key, string? location = null) =>
        new(OperationRegistry.Get(CoreOperations.Remote), new Literal(key.ToString()), new Literal(location));

    /// <summary>Whether this node is <see cref="Remote"/>: data already on a cluster, not work.</summary>
    public bool IsRemote => Op.IsBuiltin && Op.Name == CoreOperations.Remote;

    /// <summary>A node whose result is the array of its arguments' values.</summary>
    public static TaskNode List(IEnumerable<TaskArg> items) =>
        new(OperationRegistry.Get(CoreOperations.List), [.. items]);

    /// <summary>A task that calls <paramref name="f"/>.</summary>
    public static TaskNode Call<TResult>(Func<TResult> f) =>
        new(OpRef.ForFunction(f, Invokers.Create));

    /// <summary>A task that calls <paramref name="f"/> with one argument.</summary>
    public static TaskNode Call<T1, TResult>(Func<T1, TResult> f, TaskArg a1) =>
        new(OpRef.ForFunction(f, Invokers.Create), a1);

    /// <summary>A task that calls <paramref name="f"/> with two arguments.</summary>
    public static TaskNode Call<T1, T2, TResult>(Func<T1, T2, TResult> f, TaskArg a1, TaskArg a2) =>
        new(OpRef.ForFunction(f, Invokers.Create), a1, a2);

    /// <summary>A task that calls <paramref name="f"/> with three arguments.</summary>
    public static TaskNode Call<T1, T2, T3, TResult>(Func<T1, T2, T3, TResult> f, TaskArg a1, TaskArg a2, TaskArg a3) =>
        new(OpRef.ForFunction(f, Invokers.Create), a1, a2, a3);

    /// <summary>A task that calls <paramref name="f"/> with four arguments.</summary>
    public static TaskNode Call<T1, T2, T3, T4, TResult>(Func<T1, T2, T3, T4, TResult> f, TaskArg a1, TaskArg a2, TaskArg a3, TaskArg a4) =>
        new(OpRef.ForFunction(f, Invokers.Create), a1, a2, a3, a4);

    /// <summary>Resolves the arguments through <paramref name="valueOf"/> and runs the operation.</summary>
    /// <param name="valueOf">The value of each dependency.</param>
    /// <remarks>
    /// The result of an inline <see cref="TaskCall"/> argument is given back to the
    /// <see cref="ChunkPool"/> after the call when nothing can reference it any more: the inner
    /// operation returns a fresh array and this operation keeps no reference to its inputs.
    /// </remarks>
    public object? Execute(Func<TaskKey, object?> valueOf)
    {
        var values = new object?[_args.Length];
        bool inline = false;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = _args[i].Resolve(valueOf);
            inline |= _args[i] is TaskCall;
        }
        if (!Op.IsBuiltin)
            Op.BindCaptures(valueOf);
        var result = Op.Invoke(values);
        if (inline && (Op.Traits & OpTraits.RetainsNoInput) != 0)
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (_args[i] is TaskCall { Node.Op.Traits: var inner } && (inner & OpTraits.ReturnsFreshArray) != 0 && !ReferenceEquals(values[i], result))
                    ChunkPool.Return(values[i]);
            }
        }
        return result;
    }

    /// <summary>This node as MessagePack bytes: a built-in operation by name, a user one as code (see <see cref="OpRef"/>).</summary>
    /// <param name="key">The node's key, named in errors.</param>
    /// <exception cref="NotSupportedException">A captured value or a literal cannot be serialized; the message names the task and the value.</exception>
    public byte[] Serialize(TaskKey key) => TaskGraphSerializer.SerializeNode(key, this);

    /// <summary>Reads a node written by <see cref="Serialize"/>.</summary>
    /// <exception cref="FormatException">The bytes are not a node, or name an unknown operation.</exception>
    /// <param name="key">The node's key, named in errors.</param>
    /// <param name="bytes">What <see cref="Serialize"/> wrote.</param>
    /// <param name="resolver">Finds the user assemblies its operation names; by default, those of this process.</param>
    public static TaskNode Deserialize(TaskKey key, ReadOnlyMemory<byte> bytes, IAssemblyResolver? resolver = null) => TaskGraphSerializer.DeserializeNode(key, bytes, resolver);

    /// <inheritdoc/>
    public override string ToString() => $"{Op.Name}({string.Join(", ", _args.Select(a => a.ToString()))})";
}
