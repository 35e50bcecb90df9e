using System.Buffers;
using LazyDist.Collections.Kernels.Elementwise;

namespace LazyDist.Collections.Kernels;

/// <summary>
/// Runs a <see cref="BlockProgram"/> tile by tile (<see cref="TileSize"/> elements at a time), so a
/// chain of elementwise operations streams through L1/L2-sized tiles instead of materializing an
/// array per operation. Fused and unfused graphs run the same tiles in the same order, and every
/// kernel gives an element the same bits wherever it sits, so both give the same bits.
/// </summary>
internal sealed class TileProgram : IDisposable
{
    /// <summary>Elements per tile: a multiple of the generator's eight lanes and of every vector width.</summary>
    public const int TileSize = 4096;

    private readonly IReadOnlyList<Instruction> _code;
    private readonly long[] _constants;
    private readonly object?[] _inputs;
    private readonly ulong[][] _buffers;
    private ulong[] _scratch;
    private readonly object?[] _streams;
    private readonly long[] _scalars;
    private readonly ulong[][] _registers;
    private readonly Tile[] _stack;

    /// <summary>
    /// Instructions whose value is one number on a tile (a scalar input, a carry broadcast along the
    /// last axis) read by the next instruction, an add, subtract or multiply, as its right operand:
    /// that operation then takes the number as a constant instead of a filled tile. The same
    /// operation on the same two numbers per element, so the same bits.
    /// </summary>
    private readonly bool[] _uniformRight;

    /// <exception cref="InvalidOperationException">An input is not a block of the type its instruction reads.</exception>
    public TileProgram(BlockProgram program, object?[] inputs)
    {
        _code = program.Code;
        _constants = program.Constants;
        _inputs = inputs;
        OutputType = program.OutputType;
        _buffers = new ulong[program.MaxDepth][];
        for (int i = 0; i < _buffers.Length; i++)
            _buffers[i] = ArrayPool<ulong>.Shared.Rent(TileSize);
        _scratch = ArrayPool<ulong>.Shared.Rent(TileSize);
        _registers = new ulong[program.Registers][];
        for (int i = 0; i < _registers.Length; i++)
            _registers[i] = ArrayPool<ulong>.Shared.Rent(TileSize);
        _stack = new Tile[program.MaxDepth];
        _streams = new object?[_code.Count];
        _uniformRight = new bool[_code.Count];
        for (int i = 0; i + 1 < _code.Count; i++)
        {
            Instruction c = _code[i], next = _code[i + 1];
            _uniformRight[i] = c.Op is BlockOp.Scalar or BlockOp.InputAlong
                && next.Op is BlockOp.Add or BlockOp.Subtract or BlockOp.Multiply && next.A == 0 && next.Type == c.Type;
        }
        _scalars = new long[_code.Count];
        for (int i = 0; i < _code.Count; i++)
        {
            var c = _code[i];
            if (c.InputOperand)
            {
                if (c.A >= inputs.Length || inputs[c.A] is not Array block || block.GetType().GetElementType() != DTypes.ClrType(c.Type))
                    throw new InvalidOperationException($"block program input {c.A} is {Describe(c.A < inputs.Length ? inputs[c.A] : null)}, not a block of {DTypes.Name(c.Type)}");
                if (c.Op == BlockOp.Scalar)
                    _scalars[i] = SourceKernels.FirstBits(c.Type, block);
            }
            _streams[i] = c.Op switch
            {
                BlockOp.Random => new UniformStream((ulong)_constants[c.A]),
                BlockOp.Normal => new NormalStream((ulong)_constants[c.A], BlockProgram.Value<double>(_constants, c.B), BlockProgram.Value<double>(_constants, c.B + 1)),
                _ => null,
            };
        }
    }

    public DType OutputType { get; }

    /// <summary>Checks that every block the program loads has <paramref name="length"/> elements.</summary>
    /// <exception cref="InvalidOperationException">One does not (blocks of unknown size that do not line up).</exception>
    public void Expect(int length)
    {
        foreach (var c in _code.Where(c => c.Op == BlockOp.Input))
        {
            int actual = ((Array)_inputs[c.A]!).Length;
            if (actual != length)
                throw new InvalidOperationException($"block program input {c.A} has {actual} elements where the block has {length}: arrays of unknown chunk sizes that do not line up");
        }
    }

    /// <summary>The program's value on elements [<paramref name="start"/>, start + <paramref name="length"/>) of the block.</summary>
    public Tile Evaluate(long start, int length)
    {
        int top = -1;
        long uniform = 0;
        bool pending = false;
        for (int i = 0; i < _code.Count; i++)
        {
            var c = _code[i];
            switch (c.Op)
            {
                case BlockOp.Scalar when _uniformRight[i]:
                    (uniform, pending) = (_scalars[i], true);
                    break;
                case BlockOp.InputAlong when _uniformRight[i] && SourceKernels.TryUniformAlong(c.Type, (Array)_inputs[c.A]!, start, _constants[c.B], _constants[c.B + 1], length, out uniform):
                    pending = true;
                    break;
                case BlockOp.Input:
                    _stack[++top] = new Tile((Array)_inputs[c.A]!, checked((int)start), c.Type);
                    break;
                case BlockOp.Scalar:
                    SourceKernels.Fill(c.Type, _scalars[i], Push(ref top, c.Type), length);
                    break;
                case BlockOp.Constant:
                    SourceKernels.Fill(c.Type, _constants[c.B], Push(ref top, c.Type), length);
                    break;
                case BlockOp.Random:
                    ((UniformStream)_streams[i]!).Fill(Push(ref top, DType.Float64).Span<double>(length));
                    break;
                case BlockOp.Normal:
                    ((NormalStream)_streams[i]!).Fill(Push(ref top, DType.Float64).Span<double>(length));
                    break;
                case BlockOp.Arange:
                    SourceKernels.Arange(c.Type, _constants[c.B], _constants[c.B + 1], _constants[c.A] + start, Push(ref top, c.Type), length);
                    break;
                case BlockOp.Linspace:
                    SourceKernels.Linspace(Push(ref top, DType.Float64).Span<double>(length), BlockProgram.Value<double>(_constants, c.B),
                        BlockProgram.Value<double>(_constants, c.B + 1), BlockProgram.Value<double>(_constants, c.B + 2), _constants[c.A] + start, _constants[c.A + 1]);
                    break;
                case BlockOp.Position:
                    SourceKernels.Position(Push(ref top, DType.Int64).Span<long>(length), start, _constants[c.A], _constants[c.A + 1], _constants[c.A + 2]);
                    break;
                case BlockOp.InputAlong:
                    SourceKernels.Along(c.Type, (Array)_inputs[c.A]!, start, _constants[c.B], _constants[c.B + 1], Push(ref top, c.Type), length);
                    break;
                case BlockOp.Keep:
                    _stack[top].Span<byte>(length * DTypes.Size(c.Type)).CopyTo(new Tile(_registers[c.A], 0, c.Type).Span<byte>(length * DTypes.Size(c.Type)));
                    break;
                case BlockOp.Reuse:
                    _stack[++top] = new Tile(_registers[c.A], 0, c.Type);
                    break;
                case BlockOp.Cast:
                    if ((DType)c.B != c.Type)
                    {
                        CastKernels.Run(c.Type, (DType)c.B, _stack[top], Scratch((DType)c.B), length);
                        SwapIn(top, (DType)c.B);
                    }
                    break;
                case BlockOp.Where:
                    ElementwiseKernels.Where(c.Type, _stack[top - 2], _stack[top - 1], _stack[top], Scratch(c.Type), length);
                    top -= 2;
                    SwapIn(top, c.Type);
                    break;
                case >= BlockOp.Add:
                    if (pending)
                    {
                        ElementwiseKernels.Binary(c.Op, c.Type, Instruction.ConstantRight, _stack[top], default, uniform, Scratch(c.ResultType), length);
                        pending = false;
                    }
                    else if (c.A == 0)
                    {
                        ElementwiseKernels.Binary(c.Op, c.Type, 0, _stack[top - 1], _stack[top], 0, Scratch(c.ResultType), length);
                        top--;
                    }
                    else
                    {
                        ElementwiseKernels.Binary(c.Op, c.Type, c.A, _stack[top], default, _constants[c.B], Scratch(c.ResultType), length);
                    }
                    SwapIn(top, c.ResultType);
                    break;
                default:
                    ElementwiseKernels.Unary(c.Op, c.Type, _stack[top], Scratch(c.ResultType), length);
                    SwapIn(top, c.ResultType);
                    break;
            }
        }
        return _stack[top];
    }

    /// <summary>Runs the program over a block of <paramref name="length"/> elements into a fresh array.</summary>
    public Array Materialize(int length)
    {
        Expect(length);
        var result = Blocks.Rent(OutputType, length);
        int size = DTypes.Size(OutputType);
        var bytes = new Tile(result, 0, OutputType).Span<byte>(length * size);
        for (int start = 0; start < length; start += TileSize)
        {
            int n = Math.Min(TileSize, length - start);
            Evaluate(start, n).Span<byte>(n * size).CopyTo(bytes.Slice(start * size, n * size));
        }
        return result;
    }

    public void Dispose()
    {
        foreach (var buffer in _buffers.Concat(_registers))
            ArrayPool<ulong>.Shared.Return(buffer);
        ArrayPool<ulong>.Shared.Return(_scratch);
    }

    private Tile Push(ref int top, DType type)
    {
        ++top;
        return _stack[top] = new Tile(_buffers[top], 0, type);
    }

    private Tile Scratch(DType type) => new(_scratch, 0, type);

    /// <summary>The scratch buffer, just written, becomes stack slot <paramref name="index"/>'s buffer.</summary>
    private void SwapIn(int index, DType type)
    {
        (_buffers[index], _scratch) = (_scratch, _buffers[index]);
        _stack[index] = new Tile(_buffers[index], 0, type);
    }

    private static string Describe(object? value) => value is null ? "missing" : $"a {value.GetType().Name}";
}
