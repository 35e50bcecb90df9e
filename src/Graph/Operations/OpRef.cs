using System.Reflection;

namespace LazyDist.Graph;

/// <summary>
/// What a task runs, as data. A built-in operation is known by a stable name that every process
/// resolves through <see cref="OperationRegistry"/>. A user operation wraps a delegate: local
/// schedulers call it directly; to run elsewhere it travels as its assembly's SHA-256, its type,
/// method and signature, and its captured fields (a capture that cannot travel is refused when
/// the graph is serialized, naming the field and its type).
/// </summary>
public sealed class OpRef
{
    private readonly Func<object?[], object?> _invoke;
    private UserOpImage? _image;
    private IReadOnlyList<ILazyValue>? _captured;
    private List<LazyBinding> _bindings = [];

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

    /// <summary>The delegate this operation calls, when it was made from one; for a user operation, what travels.</summary>
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
    /// method (for example <c>Chunks.Sum</c>), otherwise a user operation that calls it.
    /// </summary>
    /// <param name="source">The delegate: what the operation calls, and what travels to other processes.</param>
    /// <param name="invoke">Calls <paramref name="source"/> with resolved arguments, as <see cref="Invokers"/> does
    /// (another process rebuilds it that way from <paramref name="source"/>).</param>
    /// <param name="name">A name for display; the method's name by default.</param>
    public static OpRef FromDelegate(Delegate source, Func<object?[], object?> invoke, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(invoke);
        if (source.Target is null && OperationRegistry.TryGetByMethod(source.Method, out var builtin))
            return builtin;
        return new OpRef(name ?? DisplayName(source.Method), isBuiltin: false, invoke, source);
    }

    /// <summary>
    /// The operation for a function that <c>TaskNode.Call</c> wraps: one shared operation per delegate
    /// when the function captures nothing (the compiler reuses one delegate per non-capturing lambda,
    /// so a million tasks of it share one operation, its name and its invoker), else a new one.
    /// </summary>
    internal static OpRef ForFunction<TDelegate>(TDelegate f, Func<TDelegate, Func<object?[], object?>> invoker)
        where TDelegate : Delegate
    {
        ArgumentNullException.ThrowIfNull(f);
        if (!Stateless(f))
            return FromDelegate(f, invoker(f));
        if (SharedOps.TryGetValue(f, out var shared))
            return shared;
        return SharedOps.GetValue(f, d => FromDelegate(d, invoker((TDelegate)d)));
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Delegate, OpRef> SharedOps = new();

    /// <summary>The node's head as <see cref="TaskGraphSerializer"/> writes it for this operation, once made.</summary>
    internal byte[]? EncodedHead { get; set; }

    /// <summary>The lazy values the function captures: the task depends on their keys.</summary>
    public IReadOnlyList<ILazyValue> CapturedLazyValues =>
        _captured ??= Source is { Target: not null } && !IsBuiltin ? LazyCaptures.Of(Source) : [];

    /// <summary>The keys a task of this operation reads besides its arguments: those of <see cref="CapturedLazyValues"/>,
    /// or, for an operation read from bytes, of the fields it fills before each call.</summary>
    internal IEnumerable<TaskKey> CapturedKeys => _bindings.Count > 0 ? _bindings.Select(b => b.Key) : CapturedLazyValues.Select(v => v.Key);

    /// <summary>Fills captured lazy fields with their computed values (for an operation read from bytes).</summary>
    internal void BindCaptures(Func<TaskKey, object?> valueOf)
    {
        foreach (var binding in _bindings)
            binding.Bind(valueOf);
    }

    /// <summary>A user operation read from bytes, with the captured lazy fields it fills before each call.</summary>
    internal static OpRef FromCode(Delegate code, Func<object?[], object?> invoke, List<LazyBinding> bindings)
    {
        var op = new OpRef(DisplayName(code.Method), isBuiltin: false, invoke, code);
        op._bindings = bindings;
        return op;
    }

    /// <summary>This user operation as bytes, written once (see <see cref="UserOpCodec"/>).</summary>
    /// <exception cref="NotSupportedException">A capture cannot travel; the message names it.</exception>
    internal UserOpImage UserImage => _image ??= Stateless(Source) ? StatelessImages.GetValue(Source!, _ => UserOpCodec.Write(this)) : UserOpCodec.Write(this);

    /// <summary>The images of functions that capture nothing, by delegate: the compiler reuses one delegate per
    /// non-capturing lambda, so ten thousand submissions of it are written once.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Delegate, UserOpImage> StatelessImages = new();

    private static bool Stateless(Delegate? f) =>
        f is not null && (f.Target is null || CaptureRules.Fields(f.Target.GetType()).Length == 0);

    /// <summary>
    /// A readable name for a method: a compiler-generated lambda is named after the method that
    /// declared it (<c>Main-lambda</c>, also for top-level statements, whose method is <c>&lt;Main&gt;$</c>),
    /// a local function by its own name.
    /// </summary>
    public static string DisplayName(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return Readable(method.Name);
    }

    /// <summary>Unwraps the compiler's names: <c>&lt;M&gt;b__0_0</c> (a lambda in M), <c>&lt;M&gt;g__F|0_0</c> (local function F), <c>&lt;Main&gt;$</c>.</summary>
    internal static string Readable(string name)
    {
        if (!name.StartsWith('<'))
            return name;
        int depth = 0, close = -1;
        for (int i = 0; i < name.Length && close < 0; i++)
        {
            if (name[i] == '<')
                depth++;
            else if (name[i] == '>' && --depth == 0)
                close = i;
        }
        if (close < 0)
            return name;
        string outer = Readable(name[1..close]);
        string rest = name[(close + 1)..];
        if (rest.StartsWith("g__", StringComparison.Ordinal))
        {
            int bar = rest.IndexOf('|', StringComparison.Ordinal);
            return bar > 3 ? rest[3..bar] : rest[3..];
        }
        if (rest == "$")
            return outer;
        return outer.Length > 0 ? $"{outer}-lambda" : "lambda";
    }

    /// <inheritdoc/>
    public override string ToString() => IsBuiltin ? Name : $"{Name} (user code)";
}
