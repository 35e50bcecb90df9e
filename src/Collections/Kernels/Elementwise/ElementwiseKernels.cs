using System.Numerics;
using System.Runtime.InteropServices;

namespace LazyDist.Collections.Kernels.Elementwise;

/// <summary>
/// Runs one elementwise instruction over tiles: picks the operator for the instruction's
/// operation and element type and hands it to the generic <see cref="Loops"/>. Operations an
/// element type does not have (<c>Sqrt</c> of integers) are refused when the graph is built; the
/// exceptions here guard programs written by hand.
/// </summary>
internal static class ElementwiseKernels
{
    public static void Unary(BlockOp op, DType type, Tile x, Tile into, int length)
    {
        var action = new UnaryAction(op, x, into, length);
        NumericDispatch.Run(type, ref action);
    }

    /// <summary><paramref name="mode"/> as in <see cref="Instruction.ConstantRight"/>; <paramref name="constant"/> holds the constant's bits.</summary>
    public static void Binary(BlockOp op, DType type, int mode, Tile x, Tile y, long constant, Tile into, int length)
    {
        var action = new BinaryAction(op, mode, x, y, constant, into, length);
        NumericDispatch.Run(type, ref action);
    }

    public static void Where(DType type, Tile mask, Tile a, Tile b, Tile into, int length)
    {
        var action = new WhereAction(mask, a, b, into, length);
        NumericDispatch.Run(type, ref action);
    }

    private readonly struct UnaryAction(BlockOp op, Tile x, Tile into, int n) : INumericAction
    {
        public void Invoke<T>() where T : unmanaged, INumber<T>
        {
            var source = x.Span<T>(n);
            switch (op)
            {
                case BlockOp.Negate: Loops.Unary<T, NegateOperator<T>>(source, into.Span<T>(n)); break;
                case BlockOp.Abs: Loops.Unary<T, AbsOperator<T>>(source, into.Span<T>(n)); break;
                case BlockOp.Square: Loops.Unary<T, SquareOperator<T>>(source, into.Span<T>(n)); break;
                case BlockOp.Not: IntegerKernels.Not(Same<T, byte>(source), into.Span<byte>(n)); break;
                case BlockOp.Invert: IntegerKernels.Invert(source, into.Span<T>(n)); break;
                case BlockOp.IsNaN: Loops.Predicate<T, IsNaNOperator<T>>(source, into.Span<byte>(n)); break;
                case BlockOp.IsInf: Loops.Predicate<T, IsInfOperator<T>>(source, into.Span<byte>(n)); break;
                case BlockOp.IsFinite: Loops.Predicate<T, IsFiniteOperator<T>>(source, into.Span<byte>(n)); break;
                default: FloatingKernels.Unary(op, source, into.Span<T>(n)); break;
            }
        }
    }

    private readonly struct BinaryAction(BlockOp op, int mode, Tile x, Tile y, long constant, Tile into, int n) : INumericAction
    {
        public void Invoke<T>() where T : unmanaged, INumber<T>
        {
            var c = BlockProgram.Value<T>([constant], 0);
            var first = mode == Instruction.ConstantLeft ? default : x.Span<T>(n);
            var second = mode == Instruction.ConstantRight ? default : (mode == 0 ? y : x).Span<T>(n);
            if (op is >= BlockOp.Equal and <= BlockOp.GreaterEqual)
            {
                var mask = into.Span<byte>(n);
                // c op y is y op' c with op mirrored (c < y is y > c, NaN included), so a constant is always on the right.
                var (compare, m) = mode == Instruction.ConstantLeft ? (Mirror(op), Instruction.ConstantRight) : (op, mode);
                if (mode == Instruction.ConstantLeft)
                    first = second;
                switch (compare)
                {
                    case BlockOp.Equal: Compare<T, EqualOperator<T>>(m, first, second, c, mask); break;
                    case BlockOp.NotEqual: Compare<T, NotEqualOperator<T>>(m, first, second, c, mask); break;
                    case BlockOp.Less: Compare<T, LessOperator<T>>(m, first, second, c, mask); break;
                    case BlockOp.LessEqual: Compare<T, LessEqualOperator<T>>(m, first, second, c, mask); break;
                    case BlockOp.Greater: Compare<T, GreaterOperator<T>>(m, first, second, c, mask); break;
                    default: Compare<T, GreaterEqualOperator<T>>(m, first, second, c, mask); break;
                }
                return;
            }
            var target = into.Span<T>(n);
            switch (op)
            {
                case BlockOp.Add: Apply<T, AddOperator<T>>(mode, first, second, c, target); break;
                case BlockOp.Subtract: Apply<T, SubtractOperator<T>>(mode, first, second, c, target); break;
                case BlockOp.Multiply: Apply<T, MultiplyOperator<T>>(mode, first, second, c, target); break;
                case BlockOp.Minimum: Apply<T, MinimumOperator<T>>(mode, first, second, c, target); break;
                case BlockOp.Maximum: Apply<T, MaximumOperator<T>>(mode, first, second, c, target); break;
                default:
                    if (typeof(T) == typeof(double) || typeof(T) == typeof(float))
                        FloatingKernels.Binary(op, mode, first, second, c, target);
                    else
                        IntegerKernels.Binary(op, mode, first, second, c, target);
                    break;
            }
        }
    }

    private readonly struct WhereAction(Tile mask, Tile a, Tile b, Tile into, int n) : INumericAction
    {
        public void Invoke<T>() where T : unmanaged, INumber<T> =>
            Loops.Where(mask.Span<byte>(n), a.Span<T>(n), b.Span<T>(n), into.Span<T>(n));
    }

    /// <summary>Runs <typeparamref name="TOp"/> in the loop of the operand mode.</summary>
    public static void Apply<T, TOp>(int mode, ReadOnlySpan<T> x, ReadOnlySpan<T> y, T constant, Span<T> into)
        where T : unmanaged
        where TOp : IBinaryOperator<T>
    {
        switch (mode)
        {
            case 0: Loops.Binary<T, TOp>(x, y, into); break;
            case Instruction.ConstantRight: Loops.BinaryRight<T, TOp>(x, constant, into); break;
            default: Loops.BinaryLeft<T, TOp>(constant, y, into); break;
        }
    }

    private static void Compare<T, TOp>(int mode, ReadOnlySpan<T> x, ReadOnlySpan<T> y, T constant, Span<byte> into)
        where T : unmanaged
        where TOp : IComparisonOperator<T>
    {
        if (mode == Instruction.ConstantRight)
            Loops.CompareRight<T, TOp>(x, constant, into);
        else
            Loops.Compare<T, TOp>(x, y, into);
    }

    private static BlockOp Mirror(BlockOp comparison) => comparison switch
    {
        BlockOp.Less => BlockOp.Greater,
        BlockOp.LessEqual => BlockOp.GreaterEqual,
        BlockOp.Greater => BlockOp.Less,
        BlockOp.GreaterEqual => BlockOp.LessEqual,
        _ => comparison,
    };

    /// <summary>A span of <typeparamref name="T"/> seen as <typeparamref name="TTo"/> (the same type, known only at run time).</summary>
    public static Span<TTo> Same<T, TTo>(Span<T> span) where T : unmanaged where TTo : unmanaged => MemoryMarshal.Cast<T, TTo>(span);

    public static ReadOnlySpan<TTo> Same<T, TTo>(ReadOnlySpan<T> span) where T : unmanaged where TTo : unmanaged => MemoryMarshal.Cast<T, TTo>(span);
}
