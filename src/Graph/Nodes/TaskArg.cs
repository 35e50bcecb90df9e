namespace LazyDist.Graph;

/// <summary>
/// One argument of a <see cref="TaskNode"/>: a <see cref="Literal"/> value, a <see cref="TaskRef"/>
/// to another key's result, or an <see cref="ArgList"/> of those. Plain values convert implicitly.
/// </summary>
public abstract class TaskArg
{
    private protected TaskArg()
    {
    }

    /// <summary>Adds the keys this argument refers to, in order of appearance.</summary>
    internal abstract void CollectReferences(List<TaskKey> into);

    /// <summary>Resolves this argument to the value a task receives.</summary>
    internal abstract object? Resolve(Func<TaskKey, object?> valueOf);

    /// <summary>A literal <see cref="int"/>.</summary>
    public static implicit operator TaskArg(int value) => new Literal(value);

    /// <summary>A literal <see cref="long"/>.</summary>
    public static implicit operator TaskArg(long value) => new Literal(value);

    /// <summary>A literal <see cref="ulong"/>.</summary>
    public static implicit operator TaskArg(ulong value) => new Literal(value);

    /// <summary>A literal <see cref="double"/>.</summary>
    public static implicit operator TaskArg(double value) => new Literal(value);

    /// <summary>A literal <see cref="string"/>.</summary>
    public static implicit operator TaskArg(string? value) => new Literal(value);

    /// <summary>A literal <see cref="bool"/>.</summary>
    public static implicit operator TaskArg(bool value) => new Literal(value);

    /// <summary>A literal array of doubles.</summary>
    public static implicit operator TaskArg(double[] value) => new Literal(value);

    /// <summary>Wraps any value as a literal.</summary>
    public static TaskArg FromValue(object? value) => value as TaskArg ?? new Literal(value);

    /// <summary>A reference to another key's result.</summary>
    public static TaskRef Ref(TaskKey key) => new(key);
}
