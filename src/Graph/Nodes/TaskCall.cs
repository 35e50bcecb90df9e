namespace LazyDist.Graph;

/// <summary>
/// A task run inline as another task's argument (dask's nested task <c>(f, (g, x))</c>): the
/// result of linear fusion, where a producer with a single reader runs inside that reader instead
/// of as a task of its own. Its references are the inner task's references.
/// </summary>
public sealed class TaskCall : TaskArg
{
    /// <summary>Runs <paramref name="node"/> inline.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    public TaskCall(TaskNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        Node = node;
    }

    /// <summary>The task run inline.</summary>
    public TaskNode Node { get; }

    /// <summary>How many tasks are nested in this one (1 for a call of plain arguments).</summary>
    public int Depth => 1 + Node.Args.OfType<TaskCall>().Select(c => c.Depth).DefaultIfEmpty(0).Max();

    internal override void CollectReferences(List<TaskKey> into)
    {
        foreach (var arg in Node.Args)
            arg.CollectReferences(into);
    }

    internal override object? Resolve(Func<TaskKey, object?> valueOf) => Node.Execute(valueOf);

    /// <inheritdoc/>
    public override string ToString() => $"call {Node}";
}
