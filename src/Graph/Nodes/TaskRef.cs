namespace LazyDist.Graph;

/// <summary>A reference to another task's result, resolved to that result when the task runs.</summary>
public sealed class TaskRef : TaskArg
{
    /// <summary>Refers to <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public TaskRef(TaskKey key)
    {
        if (key.IsEmpty)
            throw new ArgumentException("A TaskRef needs a non-empty key.", nameof(key));
        Key = key;
    }

    /// <summary>The key referred to.</summary>
    public TaskKey Key { get; }

    internal override void CollectReferences(List<TaskKey> into) => into.Add(Key);

    internal override object? Resolve(Func<TaskKey, object?> valueOf) => valueOf(Key);

    /// <inheritdoc/>
    public override string ToString() => $"ref {Key}";
}
