using System.Reflection;

namespace LazyDist.Graph;

/// <summary>
/// What a task runs, as data. A built-in operation is known by a stable name that every process
/// resolves through <see cref="OperationRegistry"/>; a local operation wraps a delegate of this
/// process and runs only on local schedulers, which never serialize.
/// </summary>
public sealed class OpRef
{
    private readonly Func<object?[], object?> _invoke;

    private OpRef(string name, bool isBuiltin, Func<object?[], object?> invoke, Delegate? source, OpTraits traits = OpTraits.None)
    {
        Traits = traits;
        Name = name;
        IsBuiltin = isBuiltin;
        _invoke = invoke;
        Source = source;
    }

    /// <summary>The operation's name: the registered name of a built-in, or the method's name.</summary>
    public string Name { get; }

    /// <summary>What schedulers may assume about this operation.</summary>
    public OpTraits Traits { get; }

    /// <summary>Whether every process can resolve this operation by <see cref="Name"/>.</summary>
    public bool IsBuiltin { get; }

    /// <summary>The delegate this operation calls, when it was made from one.</summary>
    public Delegate? Source { get; }

    /// <summary>Runs the operation on resolved arguments.</summary>
    /// <param name="args">The resolved arguments, one per <see cref="TaskNode.Args"/> entry.</param>
    public object? Invoke(object?[] args) => _invoke(args);

    /// <summary>The registered built-in operation called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No operation has that name.</exception>
    public static OpRef Builtin(string name) => OperationRegistry.Get(name);

    internal static OpRef CreateBuiltin(string name, Func<object?[], object?> invoke, Delegate? source, OpTraits traits) =>
        new(name, isBuiltin: true, invoke, source, traits);

    /// <summary>
    /// The operation for a delegate: the built-in one when the delegate is a registered static
    /// method (for example <c>Chunks.Sum</c>), otherwise a local operation that calls it.
    /// </summary>
    /// <param name="source">The delegate, kept for display and identity.</param>
    /// <param name="invoke">Calls <paramref name="source"/> with resolved arguments.</param>
    public static OpRef FromDelegate(Delegate source, Func<object?[], object?> invoke)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(invoke);
        if (source.Target is null && OperationRegistry.TryGetByMethod(source.Method, out var builtin))
            return builtin;
        return new OpRef(DisplayName(source.Method), isBuiltin: false, invoke, source);
    }

    /// <summary>A readable name for a method, with compiler-generated lambda names shortened.</summary>
    internal static string DisplayName(MethodInfo method)
    {
        string name = method.Name;
        if (name.StartsWith('<'))
        {
            int end = name.IndexOf('>', StringComparison.Ordinal);
            string outer = end > 1 ? name[1..end] : "";
            return outer.Length > 0 ? $"{outer}-lambda" : "lambda";
        }
        return name;
    }

    /// <inheritdoc/>
    public override string ToString() => IsBuiltin ? Name : $"{Name} (local)";
}
