using LazyDist.Graph;

namespace LazyDist.Collections;

public static partial class Delayed
{
    /// <summary>Calls <paramref name="f"/> lazily on a delayed or plain argument.</summary>
    /// <param name="f">The function; a registered built-in (such as <c>Chunks.Sum</c>) is recorded by its name.</param>
    /// <param name="a1">The argument; a plain value converts implicitly.</param>
    /// <param name="pure">Whether equal calls give equal results: pure calls get a key derived from
    /// the function and arguments (and so are computed once); impure ones a unique key.</param>
    /// <param name="key">A key to use instead of the derived one.</param>
    public static Delayed<TResult> Call<T1, TResult>(Func<T1, TResult> f, Delayed<T1> a1, bool pure = true, TaskKey? key = null) =>
        Make<TResult>(f, Invokers.Create(f), pure, key, a1);

    /// <summary>Calls <paramref name="f"/> lazily on two arguments.</summary>
    /// <inheritdoc cref="Call{T1, TResult}(Func{T1, TResult}, Delayed{T1}, bool, TaskKey?)"/>
    public static Delayed<TResult> Call<T1, T2, TResult>(Func<T1, T2, TResult> f, Delayed<T1> a1, Delayed<T2> a2, bool pure = true, TaskKey? key = null) =>
        Make<TResult>(f, Invokers.Create(f), pure, key, a1, a2);

    /// <summary>Calls <paramref name="f"/> lazily on three arguments.</summary>
    /// <inheritdoc cref="Call{T1, TResult}(Func{T1, TResult}, Delayed{T1}, bool, TaskKey?)"/>
    public static Delayed<TResult> Call<T1, T2, T3, TResult>(Func<T1, T2, T3, TResult> f, Delayed<T1> a1, Delayed<T2> a2, Delayed<T3> a3, bool pure = true, TaskKey? key = null) =>
        Make<TResult>(f, Invokers.Create(f), pure, key, a1, a2, a3);

    /// <summary>Calls <paramref name="f"/> lazily on four arguments.</summary>
    /// <inheritdoc cref="Call{T1, TResult}(Func{T1, TResult}, Delayed{T1}, bool, TaskKey?)"/>
    public static Delayed<TResult> Call<T1, T2, T3, T4, TResult>(Func<T1, T2, T3, T4, TResult> f, Delayed<T1> a1, Delayed<T2> a2, Delayed<T3> a3, Delayed<T4> a4, bool pure = true, TaskKey? key = null) =>
        Make<TResult>(f, Invokers.Create(f), pure, key, a1, a2, a3, a4);

    private static Delayed<TResult> Make<TResult>(Delegate f, Func<object?[], object?> invoke, bool pure, TaskKey? key, params ISourced[] args)
    {
        ArgumentNullException.ThrowIfNull(f);
        var taskArgs = new TaskArg[args.Length];
        var tokenParts = new object?[args.Length + 1];
        var dependencies = new List<IGraphSource>(args.Length);
        tokenParts[0] = f;
        for (int i = 0; i < args.Length; i++)
        {
            var arg = args[i] ?? throw new ArgumentNullException($"a{i + 1}", "a delayed argument is null; pass Delayed.Value(null) for a null value");
            if (arg.Inline is { } literal)
            {
                taskArgs[i] = literal;
                tokenParts[i + 1] = literal.Value;
            }
            else
            {
                taskArgs[i] = new TaskRef(arg.Key);
                tokenParts[i + 1] = arg;
                dependencies.Add(arg.Source);
            }
        }
        var op = OpRef.FromDelegate(f, invoke);
        foreach (var captured in op.CapturedLazyValues)
        {
            if (captured is ISourced sourced)
                dependencies.Add(sourced.Source); // the task reads it, so its graph comes along
        }
        var name = key ?? new TaskKey($"{ShortName(op.Name)}-{(pure ? Tokenizer.Token(tokenParts) : Tokenizer.Unique())}");
        return new Delayed<TResult>(name, new TaskLayer(name, new TaskNode(op, taskArgs), dependencies));
    }

    private static string ShortName(string opName) => opName[(opName.LastIndexOf('.') + 1)..].ToLowerInvariant();
}
