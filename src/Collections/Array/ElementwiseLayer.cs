using LazyDist.Collections.Kernels;

namespace LazyDist.Collections;

/// <summary>
/// Builds elementwise layers as block programs (so they fuse), checking at graph-build time that
/// the operation exists for the element type, with numpy's messages for those it refuses. Bools
/// add as "or" and multiply as "and", as numpy's do.
/// </summary>
internal static class ElementwiseLayer
{
    public static DistArray<TResult> Unary<T, TResult>(DistArray<T> x, BlockOp op, string kind, int operand = 0)
        where T : unmanaged
        where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(x);
        var type = Check(op, DTypes.Of<T>());
        return ArrayNodes.Elementwise<TResult>(kind, [x], BlockProgram.Load(type).Then(new Instruction(op, type, 0, operand)));
    }

    /// <summary><c>x op value</c>, or <c>value op x</c> when <paramref name="left"/>.</summary>
    public static DistArray<TResult> Scalar<T, TResult>(DistArray<T> x, BlockOp op, T value, bool left, string kind)
        where T : unmanaged
        where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(x);
        var type = DTypes.Of<T>();
        op = CheckBinary(op, type);
        var instruction = new Instruction(op, type, left ? Instruction.ConstantLeft : Instruction.ConstantRight, 0);
        return ArrayNodes.Elementwise<TResult>(kind, [x], BlockProgram.Load(type).Then(instruction, BlockProgram.Bits(value)));
    }

    /// <summary><c>a op b</c>, broadcast (aligned by rechunking).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<TResult> Binary<T, TResult>(DistArray<T> a, DistArray<T> b, BlockOp op, string kind)
        where T : unmanaged
        where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var type = DTypes.Of<T>();
        op = CheckBinary(op, type);
        var (x, y) = Broadcasting.Align(a, b);
        var program = new BlockProgram([new(BlockOp.Input, type, 0), new(BlockOp.Input, type, 1), new(op, type)], []);
        return ArrayNodes.Elementwise<TResult>(kind, [x, y], program);
    }

    /// <summary>
    /// Where <paramref name="mask"/> holds, <paramref name="a"/> (or the scalar <paramref name="aValue"/>
    /// when <paramref name="a"/> is null), else <paramref name="b"/> (or <paramref name="bValue"/>);
    /// the arrays broadcast together.
    /// </summary>
    public static DistArray<T> Where<T>(DistArray<bool> mask, DistArray<T>? a, T aValue, DistArray<T>? b, T bValue)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(mask);
        var type = DTypes.Of<T>();
        var arrays = new List<IArray> { mask };
        var code = new List<Instruction> { new(BlockOp.Input, DType.Bool, 0) };
        var constants = new List<long>();
        foreach (var (array, value) in new[] { (a, aValue), (b, bValue) })
        {
            if (array is null)
            {
                code.Add(new(BlockOp.Constant, type, 0, constants.Count));
                constants.Add(BlockProgram.Bits(value));
            }
            else
            {
                code.Add(new(BlockOp.Input, type, arrays.Count));
                arrays.Add(array);
            }
        }
        code.Add(new(BlockOp.Where, type));
        return ArrayNodes.Elementwise<T>("where", Broadcasting.Align(arrays), new BlockProgram(code, [.. constants]));
    }

    /// <summary><paramref name="x"/> clipped to [<paramref name="min"/>, <paramref name="max"/>]: numpy's <c>minimum(maximum(x, min), max)</c>.</summary>
    public static DistArray<T> Clip<T>(DistArray<T> x, T min, T max)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(x);
        var type = DTypes.Of<T>();
        var program = BlockProgram.Load(type)
            .Then(new Instruction(BlockOp.Maximum, type, Instruction.ConstantRight, 0), BlockProgram.Bits(min))
            .Then(new Instruction(BlockOp.Minimum, type, Instruction.ConstantRight, 0), BlockProgram.Bits(max));
        return ArrayNodes.Elementwise<T>("clip", [x], program);
    }

    /// <summary>The instruction's dtype for a unary operation on <paramref name="type"/>.</summary>
    private static DType Check(BlockOp op, DType type)
    {
        if (type == DType.Bool && op is BlockOp.Negate)
            throw new ArgumentException("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.");
        if (op == BlockOp.Not && type != DType.Bool)
            throw new ArgumentException($"logical not takes a bool array, not {DTypes.Name(type)}");
        if (op == BlockOp.Invert && DTypes.IsFloating(type))
            throw new ArgumentException($"ufunc 'invert' not supported for the input types ({DTypes.Name(type)})");
        return type;
    }

    /// <summary>The operation bools run for <paramref name="op"/> (or <paramref name="op"/> itself), refusing what numpy refuses.</summary>
    private static BlockOp CheckBinary(BlockOp op, DType type)
    {
        if (type != DType.Bool)
        {
            if (op is BlockOp.And or BlockOp.Or or BlockOp.Xor && DTypes.IsFloating(type))
                throw new ArgumentException($"ufunc 'bitwise_{op.ToString().ToLowerInvariant()}' not supported for the input types ({DTypes.Name(type)})");
            return op;
        }
        return op switch
        {
            BlockOp.Add or BlockOp.Maximum => BlockOp.Or,
            BlockOp.Multiply or BlockOp.Minimum => BlockOp.And,
            BlockOp.Subtract => throw new ArgumentException("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead."),
            BlockOp.Divide or BlockOp.FloorDivide or BlockOp.Mod or BlockOp.Power => throw new ArgumentException($"{op} of bool arrays is not supported: convert them with AsType first"),
            _ => op,
        };
    }
}
