namespace LazyDist.Graph;

/// <summary>A value passed to a task as it is (dask's <c>DataNode</c> argument).</summary>
public sealed class Literal : TaskArg
{
    /// <summary>Wraps <paramref name="value"/>.</summary>
    public Literal(object? value) => Value = value;

    /// <summary>The value.</summary>
    public object? Value { get; }

    internal override void CollectReferences(List<TaskKey> into)
    {
    }

    internal override object? Resolve(Func<TaskKey, object?> valueOf) => Value;

    /// <inheritdoc/>
    public override string ToString() => LiteralText.Describe(Value);
}
