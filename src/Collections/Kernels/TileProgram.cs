using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace LazyDist.Collections.Kernels;

/// <summary>
/// Runs a block program tile by tile (<see cref="TileSize"/> elements at a time), so a chain of
/// elementwise operations streams through L1/L2-sized tiles instead of materializing an array per
/// operation. Fused and unfused graphs run the same tiles in the same order, so they give the same bits.
/// </summary>
internal sealed class TileProgram<T> : IDisposable
    where T : unmanaged, INumber<T>
{
    /// <summary>Elements per tile: a multiple of the generator's eight lanes.</summary>
    public const int TileSize = 4096;

    private readonly int[] _codes;
    private readonly T[] _consts;
    private readonly long[] _seeds;
    private readonly object?[] _inputs;
    private readonly T[][] _buffers;
    private readonly object?[] _streams;
    private readonly (T[] Array, int Offset)[] _stack;

    public TileProgram(int[] codes, T[] consts, long[] seeds, object?[] inputs)
    {
        _codes = codes;
        _consts = consts;
        _seeds = seeds;
        _inputs = inputs;
        int depth = ProgramCode.MaxDepth(codes);
        _buffers = new T[depth][];
        for (int i = 0; i < depth; i++)
            _buffers[i] = ArrayPool<T>.Shared.Rent(TileSize);
        _stack = new (T[], int)[depth];
        _streams = new object?[codes.Length / 3];
        for (int i = 0; i < _streams.Length; i++)
        {
            int code = codes[3 * i], a = codes[3 * i + 1], b = codes[3 * i + 2];
            _streams[i] = code switch
            {
                ProgramCode.Random => new UniformStream((ulong)seeds[a]),
                ProgramCode.Normal => new NormalStream((ulong)seeds[a], double.CreateTruncating(consts[b]), double.CreateTruncating(consts[b + 1])),
                _ => null,
            };
        }
    }

    /// <summary>The program's value on elements [<paramref name="start"/>, start + <paramref name="length"/>) of the block.</summary>
    public ReadOnlySpan<T> Evaluate(long start, int length)
    {
        int top = -1;
        for (int i = 0; i < _codes.Length; i += 3)
        {
            int code = _codes[i], a = _codes[i + 1], b = _codes[i + 2];
            switch (code)
            {
                case ProgramCode.In:
                    _stack[++top] = ((T[])_inputs[a]!, (int)start);
                    break;
                case ProgramCode.Random:
                    ((UniformStream)_streams[i / 3]!).Fill(AsDouble(Push(ref top, length)));
                    break;
                case ProgramCode.Normal:
                    ((NormalStream)_streams[i / 3]!).Fill(AsDouble(Push(ref top, length)));
                    break;
                case ProgramCode.Arange:
                    Arange(Push(ref top, length), _consts[b], _consts[b + 1], _seeds[a] + start);
                    break;
                case ProgramCode.Linspace:
                    Linspace(AsDouble(Push(ref top, length)), b, _seeds[a] + start, _seeds[a + 1]);
                    break;
                case ProgramCode.Const:
                    Push(ref top, length).Fill(_consts[b]);
                    break;
                case >= ProgramCode.Neg and <= ProgramCode.Log:
                    Unary(code, Peek(top, length), Target(top, length));
                    _stack[top] = (_buffers[top], 0);
                    break;
                case >= ProgramCode.Add and <= ProgramCode.Max:
                    Binary(code, Peek(top - 1, length), Peek(top, length), Target(top - 1, length));
                    _stack[--top] = (_buffers[top], 0);
                    break;
                case >= ProgramCode.Add + ProgramCode.ScalarRight and <= ProgramCode.Max + ProgramCode.ScalarRight:
                    ScalarRight(code - ProgramCode.ScalarRight, Peek(top, length), _consts[b], Target(top, length));
                    _stack[top] = (_buffers[top], 0);
                    break;
                case >= ProgramCode.Add + ProgramCode.ScalarLeft and <= ProgramCode.Max + ProgramCode.ScalarLeft:
                    ScalarLeft(code - ProgramCode.ScalarLeft, _consts[b], Peek(top, length), Target(top, length));
                    _stack[top] = (_buffers[top], 0);
                    break;
                default:
                    throw new InvalidOperationException($"unknown block program instruction {code}");
            }
        }
        return Peek(top, length);
    }

    /// <summary>Runs the program over a block of <paramref name="length"/> elements into a fresh array.</summary>
    public T[] Materialize(int length)
    {
        var result = Graph.ChunkPool.Rent<T>(length);
        for (int start = 0; start < length; start += TileSize)
        {
            int n = Math.Min(TileSize, length - start);
            Evaluate(start, n).CopyTo(result.AsSpan(start, n));
        }
        return result;
    }

    public void Dispose()
    {
        foreach (var buffer in _buffers)
            ArrayPool<T>.Shared.Return(buffer);
    }

    private Span<T> Push(ref int top, int length)
    {
        _stack[++top] = (_buffers[top], 0);
        return _buffers[top].AsSpan(0, length);
    }

    private ReadOnlySpan<T> Peek(int index, int length) => _stack[index].Array.AsSpan(_stack[index].Offset, length);

    private Span<T> Target(int index, int length) => _buffers[index].AsSpan(0, length);

    private static Span<double> AsDouble(Span<T> span) =>
        typeof(T) == typeof(double) ? MemoryMarshal.Cast<T, double>(span) : throw new NotSupportedException($"this source makes doubles, not {typeof(T).Name}");

    private static void Arange(Span<T> into, T first, T step, long offset)
    {
        for (int i = 0; i < into.Length; i++)
            into[i] = first + T.CreateTruncating(offset + i) * step;
    }

    private void Linspace(Span<double> into, int b, long offset, long endIndex)
    {
        double first = double.CreateTruncating(_consts[b]), step = double.CreateTruncating(_consts[b + 1]), stop = double.CreateTruncating(_consts[b + 2]);
        for (int i = 0; i < into.Length; i++)
            into[i] = (offset + i) * step + first;
        long last = endIndex - offset;
        if (last >= 0 && last < into.Length)
            into[(int)last] = stop;
    }

    private static void Unary(int code, ReadOnlySpan<T> x, Span<T> into)
    {
        switch (code)
        {
            case ProgramCode.Neg: TensorPrimitives.Negate(x, into); break;
            case ProgramCode.Abs: TensorPrimitives.Abs(x, into); break;
            default: FloatingMath.Unary(code, x, into); break;
        }
    }

    private static void Binary(int code, ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> into)
    {
        switch (code)
        {
            case ProgramCode.Add: TensorPrimitives.Add(x, y, into); break;
            case ProgramCode.Sub: TensorPrimitives.Subtract(x, y, into); break;
            case ProgramCode.Mul: TensorPrimitives.Multiply(x, y, into); break;
            case ProgramCode.Div: TensorPrimitives.Divide(x, y, into); break;
            case ProgramCode.Min: TensorPrimitives.Min(x, y, into); break;
            case ProgramCode.Max: TensorPrimitives.Max(x, y, into); break;
            default: FloatingMath.Pow(x, y, into); break;
        }
    }

    private static void ScalarRight(int code, ReadOnlySpan<T> x, T y, Span<T> into)
    {
        switch (code)
        {
            case ProgramCode.Add: TensorPrimitives.Add(x, y, into); break;
            case ProgramCode.Sub: TensorPrimitives.Subtract(x, y, into); break;
            case ProgramCode.Mul: TensorPrimitives.Multiply(x, y, into); break;
            case ProgramCode.Div: TensorPrimitives.Divide(x, y, into); break;
            case ProgramCode.Min: TensorPrimitives.Min(x, y, into); break;
            case ProgramCode.Max: TensorPrimitives.Max(x, y, into); break;
            default: FloatingMath.Pow(x, y, into); break;
        }
    }

    private static void ScalarLeft(int code, T x, ReadOnlySpan<T> y, Span<T> into)
    {
        switch (code)
        {
            case ProgramCode.Add: TensorPrimitives.Add(y, x, into); break;
            case ProgramCode.Sub: TensorPrimitives.Subtract(x, y, into); break;
            case ProgramCode.Mul: TensorPrimitives.Multiply(y, x, into); break;
            case ProgramCode.Div: TensorPrimitives.Divide(x, y, into); break;
            case ProgramCode.Min: TensorPrimitives.Min(y, x, into); break;
            case ProgramCode.Max: TensorPrimitives.Max(y, x, into); break;
            default: FloatingMath.Pow(x, y, into); break;
        }
    }
}
