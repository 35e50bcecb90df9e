using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace LazyDist.Graph;

/// <summary>
/// The process-wide table of built-in operations, by stable name. Libraries register their
/// operations once (the Collections library registers every DistArray operation), so a graph
/// that uses only built-ins can be serialized, sent anywhere and run without shipping code.
/// </summary>
public static class OperationRegistry
{
    private static readonly ConcurrentDictionary<string, OpRef> ByName = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<MethodInfo, OpRef> ByMethod = new();

    static OperationRegistry() => CoreOperations.RegisterAll();

    /// <summary>Registers a built-in operation that takes its arguments as an array.</summary>
    /// <param name="name">A stable name, such as <c>"array.sum"</c>.</param>
    /// <param name="invoke">Runs it: receives the task's arguments, resolved, in order.</param>
    /// <param name="traits">What schedulers may assume about it.</param>
    /// <returns>The operation's reference.</returns>
    /// <exception cref="InvalidOperationException">Another operation already has that name.</exception>
    public static OpRef Register(string name, Func<object?[], object?> invoke, OpTraits traits = OpTraits.None) => Add(name, invoke, source: null, traits);

    /// <summary>Registers a static method of one argument as a built-in operation.</summary>
    public static OpRef Register<T1, TResult>(string name, Func<T1, TResult> method, OpTraits traits = OpTraits.None) =>
        Add(name, Invokers.Create(method), method, traits);

    /// <summary>Registers a static method of two arguments as a built-in operation.</summary>
    public static OpRef Register<T1, T2, TResult>(string name, Func<T1, T2, TResult> method, OpTraits traits = OpTraits.None) =>
        Add(name, Invokers.Create(method), method, traits);

    /// <summary>Registers a static method of three arguments as a built-in operation.</summary>
    public static OpRef Register<T1, T2, T3, TResult>(string name, Func<T1, T2, T3, TResult> method, OpTraits traits = OpTraits.None) =>
        Add(name, Invokers.Create(method), method, traits);

    /// <summary>The built-in operation called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No operation has that name.</exception>
    public static OpRef Get(string name) =>
        TryGet(name, out var op)
            ? op
            : throw new KeyNotFoundException(
                $"unknown operation '{name}': no built-in operation has that name in this process " +
                "(array operations are registered when LazyDist.Collections is loaded)");

    /// <summary>Looks up a built-in operation by name.</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out OpRef? op) => ByName.TryGetValue(name, out op);

    internal static bool TryGetByMethod(MethodInfo method, [NotNullWhen(true)] out OpRef? op) =>
        ByMethod.TryGetValue(method, out op);

    private static OpRef Add(string name, Func<object?[], object?> invoke, Delegate? source, OpTraits traits)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(invoke);
        if (source is { Target: not null })
            throw new ArgumentException($"built-in operation '{name}' must be a static method", nameof(source));
        var op = OpRef.CreateBuiltin(name, invoke, source, traits);
        var stored = ByName.GetOrAdd(name, op);
        if (!ReferenceEquals(stored, op))
        {
            // Registering the same method twice under its name is harmless (idempotent start-up).
            if (source is not null && stored.Source?.Method == source.Method)
                return stored;
            throw new InvalidOperationException($"a built-in operation named '{name}' is already registered");
        }
        if (source is not null)
            ByMethod.TryAdd(source.Method, op);
        return op;
    }
}
