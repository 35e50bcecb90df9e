using System.Reflection;
using System.Text.Json;

namespace LazyDist.Collections.Tests.Array;

/// <summary>
/// Evaluates the differential fixtures' expressions (Fixtures/make_differential.py's little
/// language) through DistArray's public API. The element type of every intermediate is known
/// only at run time, so the API is called by reflection, resolved as C# would: a method of that
/// name whose parameters take the arguments, non-generic overloads (the promoting sums) first.
/// </summary>
internal sealed class Expressions(IReadOnlyList<object> inputs)
{
    private static readonly Dictionary<string, string> Unary = new()
    {
        ["exp"] = "Exp", ["log"] = "Log", ["sin"] = "Sin", ["cos"] = "Cos", ["tan"] = "Tan", ["arctan"] = "ArcTan", ["arcsin"] = "ArcSin",
        ["tanh"] = "Tanh", ["sqrt"] = "Sqrt", ["log1p"] = "Log1p", ["expm1"] = "Expm1", ["log10"] = "Log10", ["floor"] = "Floor",
        ["ceil"] = "Ceil", ["rint"] = "Round", ["trunc"] = "Trunc", ["sign"] = "Sign", ["abs"] = "Abs", ["negative"] = "Negate",
        ["square"] = "Square", ["isnan"] = "IsNaN", ["isinf"] = "IsInf", ["isfinite"] = "IsFinite", ["reciprocal"] = "Reciprocal", ["ravel"] = "Ravel",
    };

    private static readonly Dictionary<string, string> Binary = new()
    {
        ["floor_divide"] = "FloorDivide", ["mod"] = "Mod", ["power"] = "Pow", ["minimum"] = "Minimum", ["maximum"] = "Maximum", ["fmin"] = "FMin",
        ["fmax"] = "FMax", ["arctan2"] = "ArcTan2", ["equal"] = "Equal", ["not_equal"] = "NotEqual", ["less"] = "Less", ["less_equal"] = "LessEqual",
        ["greater"] = "Greater", ["greater_equal"] = "GreaterEqual",
    };

    private static readonly Dictionary<string, string> Operators = new()
    {
        ["add"] = "op_Addition", ["subtract"] = "op_Subtraction", ["multiply"] = "op_Multiply", ["divide"] = "op_Division",
        ["bitwise_and"] = "op_BitwiseAnd", ["bitwise_or"] = "op_BitwiseOr", ["bitwise_xor"] = "op_ExclusiveOr",
    };

    private static readonly Dictionary<string, string> Reductions = new()
    {
        ["sum"] = "Sum", ["prod"] = "Prod", ["mean"] = "Mean", ["var"] = "Var", ["std"] = "Std", ["min"] = "Min", ["max"] = "Max",
        ["argmin"] = "ArgMin", ["argmax"] = "ArgMax", ["any"] = "Any", ["all"] = "All", ["nansum"] = "NanSum", ["nanmean"] = "NanMean",
        ["nanvar"] = "NanVar", ["nanmin"] = "NanMin", ["nanmax"] = "NanMax",
    };

    /// <summary>An input of the fixture as a lazy array of its dtype, shape and chunks.</summary>
    public static object Input(JsonElement spec)
    {
        var bytes = Convert.FromBase64String(spec.GetProperty("data").GetString()!);
        var type = ClrType(spec.GetProperty("dtype").GetString()!);
        var data = System.Array.CreateInstance(type, bytes.Length / System.Runtime.InteropServices.Marshal.SizeOf(type == typeof(bool) ? typeof(byte) : type));
        Buffer.BlockCopy(bytes, 0, data, 0, bytes.Length);
        long[] shape = [.. spec.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64())];
        int[][] chunks = [.. spec.GetProperty("chunks").EnumerateArray().Select(a => a.EnumerateArray().Select(e => e.GetInt32()).ToArray())];
        return Static("FromArray", data, shape, (ChunkSpec)chunks);
    }

    public static Type ClrType(string dtype) => dtype switch
    {
        "float64" => typeof(double), "float32" => typeof(float), "int32" => typeof(int), "int64" => typeof(long), "int16" => typeof(short),
        "uint8" => typeof(byte), "uint32" => typeof(uint), "uint64" => typeof(ulong), "bool" => typeof(bool),
        _ => throw new NotSupportedException(dtype),
    };

    public object Eval(JsonElement node)
    {
        string op = node.GetProperty("op").GetString()!;
        if (op == "input")
            return inputs[node.GetProperty("index").GetInt32()];
        var args = node.GetProperty("args").EnumerateArray().Select(Eval).ToArray();
        var x = args[0];
        var t = ElementType(x);
        object Value() => Convert.ChangeType(node.GetProperty("value").GetDouble(), t, System.Globalization.CultureInfo.InvariantCulture);
        if (Unary.TryGetValue(op, out var unary))
            return Static(unary, x);
        if (Binary.TryGetValue(op, out var binary))
            return Static(binary, x, args[1]);
        if (Operators.TryGetValue(op, out var name))
            return Operator(name, x, args[1]);
        if (Reductions.TryGetValue(op, out var reduction))
            return Reduce(reduction, x, node);
        return op switch
        {
            "invert" => Operator("op_OnesComplement", x),
            "add_scalar" => Operator("op_Addition", x, Value()),
            "subtract_scalar" => Operator("op_Subtraction", x, Value()),
            "multiply_scalar" => Operator("op_Multiply", x, Value()),
            "greater_scalar" => Operator("op_GreaterThan", x, Value()),
            "maximum_scalar" => Static("Maximum", x, Value()),
            "where_scalar" => Invoke(typeof(DistArray), "Where", null, [x, args[1], Convert.ChangeType(node.GetProperty("value").GetDouble(), ElementType(args[1]), System.Globalization.CultureInfo.InvariantCulture)], element: ElementType(args[1])),
            "astype" => Instance(x, "AsType", [ClrType(node.GetProperty("dtype").GetString()!)]),
            "rechunk" => Static("Rechunk", x, (ChunkSpec)node.GetProperty("chunks").EnumerateArray().Select(a => a.EnumerateArray().Select(e => e.GetInt32()).ToArray()).ToArray()),
            "transpose" => Static("Transpose", x, Ints(node.GetProperty("axes"))),
            "reshape" => Static("Reshape", x, Ints(node.GetProperty("shape")).Select(i => (long)i).ToArray()),
            "slice" => Indexer(x, node.GetProperty("slices").EnumerateArray().Select(s => new Slice(Bound(s[0]), Bound(s[1]), s[2].GetInt32())).ToArray()),
            "flip" => Static("Flip", x, (Axes)node.GetProperty("axis").GetInt32()),
            "roll" => Static("Roll", x, node.GetProperty("shift").GetInt64(), (int?)node.GetProperty("axis").GetInt32()),
            "expand_dims" => Static("ExpandDims", x, node.GetProperty("axis").GetInt32()),
            "take" => Static("Take", x, (IReadOnlyList<long>)node.GetProperty("indices").EnumerateArray().Select(e => e.GetInt64()).ToArray(), node.GetProperty("axis").GetInt32()),
            "tril" => Static("Tril", x, node.GetProperty("k").GetInt64()),
            "triu" => Static("Triu", x, node.GetProperty("k").GetInt64()),
            "cumsum" => Static("CumSum", x, Axis(node)),
            "cumprod" => Static("CumProd", x, Axis(node)),
            "mask" => Indexer(x, args[1]),
            _ => throw new NotSupportedException($"unknown operation '{op}'"),
        };
    }

    private static object Reduce(string name, object x, JsonElement node)
    {
        var axis = node.GetProperty("axis");
        bool keep = node.GetProperty("keepdims").GetBoolean();
        bool ddof = node.TryGetProperty("ddof", out var d) && d.ValueKind == JsonValueKind.Number;
        int rank = (int)x.GetType().GetProperty("Rank")!.GetValue(x)!;
        if (axis.ValueKind == JsonValueKind.Null && !keep)
            return ddof ? Static(name, x, d.GetDouble(), 32L) : Static(name, x, 32L);
        Axes axes = axis.ValueKind switch
        {
            JsonValueKind.Null => Enumerable.Range(0, rank).ToArray(),
            JsonValueKind.Number => axis.GetInt32(),
            _ => Ints(axis),
        };
        return ddof ? Static(name, x, axes, d.GetDouble(), keep, 32) : Static(name, x, axes, keep, 32);
    }

    private static int? Axis(JsonElement node) => node.GetProperty("axis").ValueKind == JsonValueKind.Null ? null : node.GetProperty("axis").GetInt32();

    private static int? Bound(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetInt32();

    private static int[] Ints(JsonElement e) => [.. e.EnumerateArray().Select(v => v.GetInt32())];

    public static Type ElementType(object x) => x.GetType().GetGenericArguments()[0];

    /// <summary>A public static method of <see cref="DistArray"/> that takes <paramref name="args"/> (its type argument that of the first).</summary>
    public static object Static(string name, params object?[] args) => Invoke(typeof(DistArray), name, null, args);

    private static object Operator(string name, params object?[] args) =>
        Invoke(typeof(DistArray<>).MakeGenericType(ElementType(args[0]!)), name, null, args, fallback: typeof(DistArray));

    private static object Indexer(object x, object index) => Invoke(x.GetType(), "get_Item", x, [index]);

    private static object Instance(object x, string name, Type[] typeArguments)
    {
        var method = x.GetType().GetMethods().Single(m => m.Name == name && m.GetParameters().Length == 0).MakeGenericMethod(typeArguments);
        return Unwrap(() => method.Invoke(x, null)!);
    }

    private static object Invoke(Type type, string name, object? target, object?[] args, Type? fallback = null, Type? element = null)
    {
        var flags = BindingFlags.Public | (target is null ? BindingFlags.Static : BindingFlags.Instance);
        var methods = type.GetMethods(flags).Concat(fallback?.GetMethods(BindingFlags.Public | BindingFlags.Static) ?? []).Where(m => m.Name == name && m.GetParameters().Length == args.Length).ToList();
        element ??= args.Length > 0 && args[0] is { } first && first.GetType().IsGenericType ? ElementType(first) : args[0]?.GetType().GetElementType();
        var candidates = new List<MethodInfo>();
        foreach (var m in methods.OrderBy(m => m.IsGenericMethodDefinition))
        {
            var method = m;
            if (m.IsGenericMethodDefinition)
            {
                if (m.GetGenericArguments().Length != 1 || element is null)
                    continue;
                try
                {
                    method = m.MakeGenericMethod(element);
                }
                catch (ArgumentException)
                {
                    continue;
                }
            }
            if (method.GetParameters().Zip(args).All(p => p.Second is null ? !p.First.ParameterType.IsValueType || Nullable.GetUnderlyingType(p.First.ParameterType) is not null : p.First.ParameterType.IsInstanceOfType(p.Second)))
                candidates.Add(method);
        }
        if (candidates.Count == 0)
            throw new MissingMethodException($"no {type.Name}.{name} takes ({string.Join(", ", args.Select(a => a?.GetType().Name ?? "null"))})");
        return Unwrap(() => candidates[0].Invoke(target, args)!);
    }

    /// <summary>Calls <paramref name="call"/>, rethrowing what a reflected method threw as itself.</summary>
    public static object Unwrap(Func<object> call)
    {
        try
        {
            return call();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
