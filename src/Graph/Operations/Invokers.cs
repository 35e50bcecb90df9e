namespace LazyDist.Graph;

/// <summary>Adapts typed delegates to the untyped calling convention of <see cref="OpRef"/>.</summary>
internal static class Invokers
{
    /// <summary>Calls a function of no arguments.</summary>
    public static Func<object?[], object?> Create<TResult>(Func<TResult> f) => _ => f();

    /// <summary>Calls a function of one argument.</summary>
    public static Func<object?[], object?> Create<T1, TResult>(Func<T1, TResult> f) =>
        a => f(ArgConvert.To<T1>(a[0]));

    /// <summary>Calls a function of two arguments.</summary>
    public static Func<object?[], object?> Create<T1, T2, TResult>(Func<T1, T2, TResult> f) =>
        a => f(ArgConvert.To<T1>(a[0]), ArgConvert.To<T2>(a[1]));

    /// <summary>Calls a function of three arguments.</summary>
    public static Func<object?[], object?> Create<T1, T2, T3, TResult>(Func<T1, T2, T3, TResult> f) =>
        a => f(ArgConvert.To<T1>(a[0]), ArgConvert.To<T2>(a[1]), ArgConvert.To<T3>(a[2]));

    /// <summary>Calls a function of four arguments.</summary>
    public static Func<object?[], object?> Create<T1, T2, T3, T4, TResult>(Func<T1, T2, T3, T4, TResult> f) =>
        a => f(ArgConvert.To<T1>(a[0]), ArgConvert.To<T2>(a[1]), ArgConvert.To<T3>(a[2]), ArgConvert.To<T4>(a[3]));

    private static readonly Type[] Funcs = [typeof(Func<>), typeof(Func<,>), typeof(Func<,,>), typeof(Func<,,,>), typeof(Func<,,,,>)];

    /// <summary>Whether <see cref="Rebuild"/> can call a delegate of this type: a <c>Func</c> of up to four arguments.</summary>
    internal static bool CanRebuild(Type delegateType) =>
        delegateType.IsGenericType && Array.IndexOf(Funcs, delegateType.GetGenericTypeDefinition()) >= 0;

    /// <summary>The invoker that <c>Create</c> makes for <paramref name="f"/>, found by its <c>Func</c> type.</summary>
    internal static Func<object?[], object?> Rebuild(Delegate f)
    {
        var type = f.GetType();
        if (!CanRebuild(type))
            throw new NotSupportedException($"a {type.Name} is not a Func of up to four arguments");
        var create = Creators.GetValue(type, static t =>
        {
            var arguments = t.GetGenericArguments();
            return typeof(Invokers).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
                .Single(m => m.Name == nameof(Create) && m.GetGenericArguments().Length == arguments.Length)
                .MakeGenericMethod(arguments);
        });
        return (Func<object?[], object?>)create.Invoke(null, [f])!;
    }

    // The Create method for each Func type, weakly: the types may belong to a session's collectible load context.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Type, System.Reflection.MethodInfo> Creators = new();
}
