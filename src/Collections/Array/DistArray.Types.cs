using System.Numerics;
using LazyDist.Collections.Kernels;

namespace LazyDist.Collections;

/// <remarks>
/// Element types and numpy's promotion between them. Arithmetic between arrays of two element
/// types converts both to the type numpy's <c>result_type</c> gives, inside the fused program:
/// an array of doubles with any other gives doubles; integers with a long give longs.
/// </remarks>
public static partial class DistArray
{
    extension<T>(DistArray<T>) where T : unmanaged, INumber<T>
    {
        /// <summary>Elementwise sum, both converted to double (numpy: any type with float64 gives float64).</summary>
        /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
        public static DistArray<double> operator +(DistArray<T> left, DistArray<double> right) => Mixed<T, double, double>(left, right, BlockOp.Add, "add");

        /// <summary>Elementwise sum, both converted to double.</summary>
        /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
        public static DistArray<double> operator +(DistArray<double> left, DistArray<T> right) => Mixed<double, T, double>(left, right, BlockOp.Add, "add");

        /// <summary>Elementwise difference, both converted to double.</summary>
        /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
        public static DistArray<double> operator -(DistArray<T> left, DistArray<double> right) => Mixed<T, double, double>(left, right, BlockOp.Subtract, "sub");

        /// <summary>Elementwise difference, both converted to double.</summary>
        /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
        public static DistArray<double> operator -(DistArray<double> left, DistArray<T> right) => Mixed<double, T, double>(left, right, BlockOp.Subtract, "sub");

        /// <summary>Elementwise product, both converted to double.</summary>
        /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
        public static DistArray<double> operator *(DistArray<T> left, DistArray<double> right) => Mixed<T, double, double>(left, right, BlockOp.Multiply, "mul");

        /// <summary>Elementwise product, both converted to double.</summary>
        /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
        public static DistArray<double> operator *(DistArray<double> left, DistArray<T> right) => Mixed<double, T, double>(left, right, BlockOp.Multiply, "mul");

        /// <summary>Elementwise true quotient, both converted to double.</summary>
        /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
        public static DistArray<double> operator /(DistArray<T> left, DistArray<double> right) => Mixed<T, double, double>(left, right, BlockOp.Divide, "div");

        /// <summary>Elementwise true quotient, both converted to double.</summary>
        /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
        public static DistArray<double> operator /(DistArray<double> left, DistArray<T> right) => Mixed<double, T, double>(left, right, BlockOp.Divide, "div");

        /// <summary>Whether each element is below the matching double (compared as doubles).</summary>
        /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
        public static DistArray<bool> operator <(DistArray<T> left, DistArray<double> right) => Mixed<T, double, bool>(left, right, BlockOp.Less, "less");

        /// <summary>Whether each element is above the matching double (compared as doubles).</summary>
        /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
        public static DistArray<bool> operator >(DistArray<T> left, DistArray<double> right) => Mixed<T, double, bool>(left, right, BlockOp.Greater, "greater");
    }

    extension<T>(DistArray<T>) where T : unmanaged, IBinaryInteger<T>
    {
        /// <summary>Elementwise sum of integers with longs, in longs (numpy: int32 with int64 gives int64).</summary>
        /// <exception cref="ArgumentException">The shapes cannot be broadcast together, or <typeparamref name="T"/> is ulong (numpy gives float64: convert with AsType first).</exception>
        public static DistArray<long> operator +(DistArray<T> left, DistArray<long> right) => Mixed<T, long, long>(left, right, BlockOp.Add, "add");

        /// <summary>Elementwise sum of longs with integers, in longs.</summary>
        /// <exception cref="ArgumentException">The shapes cannot be broadcast together, or <typeparamref name="T"/> is ulong.</exception>
        public static DistArray<long> operator +(DistArray<long> left, DistArray<T> right) => Mixed<long, T, long>(left, right, BlockOp.Add, "add");

        /// <summary>Elementwise difference, in longs.</summary>
        /// <exception cref="ArgumentException">The shapes cannot be broadcast together, or <typeparamref name="T"/> is ulong.</exception>
        public static DistArray<long> operator -(DistArray<T> left, DistArray<long> right) => Mixed<T, long, long>(left, right, BlockOp.Subtract, "sub");

        /// <summary>Elementwise difference, in longs.</summary>
        /// <exception cref="ArgumentException">The shapes cannot be broadcast together, or <typeparamref name="T"/> is ulong.</exception>
        public static DistArray<long> operator -(DistArray<long> left, DistArray<T> right) => Mixed<long, T, long>(left, right, BlockOp.Subtract, "sub");

        /// <summary>Elementwise product, in longs.</summary>
        /// <exception cref="ArgumentException">The shapes cannot be broadcast together, or <typeparamref name="T"/> is ulong.</exception>
        public static DistArray<long> operator *(DistArray<T> left, DistArray<long> right) => Mixed<T, long, long>(left, right, BlockOp.Multiply, "mul");

        /// <summary>Elementwise product, in longs.</summary>
        /// <exception cref="ArgumentException">The shapes cannot be broadcast together, or <typeparamref name="T"/> is ulong.</exception>
        public static DistArray<long> operator *(DistArray<long> left, DistArray<T> right) => Mixed<long, T, long>(left, right, BlockOp.Multiply, "mul");

        /// <summary>Elementwise floor quotient (numpy's <c>//</c>), in longs.</summary>
        /// <exception cref="ArgumentException">The shapes cannot be broadcast together, or <typeparamref name="T"/> is ulong.</exception>
        public static DistArray<long> operator /(DistArray<T> left, DistArray<long> right) => Mixed<T, long, long>(left, right, BlockOp.Divide, "div");

        /// <summary>Elementwise floor quotient (numpy's <c>//</c>), in longs.</summary>
        /// <exception cref="ArgumentException">The shapes cannot be broadcast together, or <typeparamref name="T"/> is ulong.</exception>
        public static DistArray<long> operator /(DistArray<long> left, DistArray<T> right) => Mixed<long, T, long>(left, right, BlockOp.Divide, "div");
    }

    /// <summary><c>a op b</c> of two element types, both converted to numpy's common type inside the program.</summary>
    /// <exception cref="ArgumentException">numpy's common type is not <typeparamref name="TResult"/> (nor a comparison's operands'), or the shapes cannot be broadcast.</exception>
    internal static DistArray<TResult> Mixed<TA, TB, TResult>(DistArray<TA> a, DistArray<TB> b, BlockOp op, string kind)
        where TA : unmanaged
        where TB : unmanaged
        where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        DType ta = DTypes.Of<TA>(), tb = DTypes.Of<TB>(), common = TypePromotion.Promote(ta, tb), result = DTypes.Of<TResult>();
        if (result != DType.Bool && common != result)
            throw new ArgumentException($"numpy promotes {DTypes.Name(ta)} and {DTypes.Name(tb)} to {DTypes.Name(common)}, not {DTypes.Name(result)}: convert an operand with AsType<{DTypes.ClrType(common).Name}>() first");
        var (x, y) = Broadcasting.Align(a, b);
        var code = new List<Instruction> { new(BlockOp.Input, ta, 0) };
        if (ta != common)
            code.Add(new(BlockOp.Cast, ta, 0, (int)common));
        code.Add(new(BlockOp.Input, tb, 1));
        if (tb != common)
            code.Add(new(BlockOp.Cast, tb, 0, (int)common));
        code.Add(new(op, common));
        return ArrayNodes.Elementwise<TResult>(kind, [x, y], new BlockProgram(code, []));
    }
}
