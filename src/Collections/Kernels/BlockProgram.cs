using System.Runtime.CompilerServices;

namespace LazyDist.Collections.Kernels;

/// <summary>
/// An elementwise program over the elements of one block: a postfix list of typed
/// <see cref="Instruction"/>s over a stack of tiles, and its constants (each the raw
/// little-endian bits of a value of the instruction's type, zero-extended to 64 bits; seeds and
/// offsets are int64). Plain data — an <c>int[]</c> of four numbers per instruction and a
/// <c>long[]</c> — so fused tasks serialize and run in any process.
/// </summary>
internal sealed class BlockProgram
{
    private readonly Instruction[] _code;

    public BlockProgram(IEnumerable<Instruction> code, long[] constants)
    {
        _code = [.. code];
        Constants = constants;
        if (_code.Length == 0)
            throw new ArgumentException("a block program needs at least one instruction", nameof(code));
        int depth = 0;
        foreach (var instruction in _code)
        {
            depth += instruction.StackEffect;
            MaxDepth = Math.Max(MaxDepth, depth);
            if (depth < 1)
                throw new ArgumentException($"block program instruction {instruction} pops an empty stack", nameof(code));
        }
        if (depth != 1)
            throw new ArgumentException($"a block program must leave one tile, this one leaves {depth}", nameof(code));
    }

    public IReadOnlyList<Instruction> Code => _code;

    public long[] Constants { get; }

    /// <summary>The element type of the program's result.</summary>
    public DType OutputType => _code[^1].ResultType;

    /// <summary>The most tiles on the stack at once.</summary>
    public int MaxDepth { get; }

    /// <summary>How many registers <see cref="BlockOp.Keep"/> fills.</summary>
    public int Registers => _code.Where(c => c.Op == BlockOp.Keep).Select(c => c.A + 1).DefaultIfEmpty(0).Max();

    /// <summary>Pushes input 0, of <paramref name="type"/>.</summary>
    public static BlockProgram Load(DType type) => new([new Instruction(BlockOp.Input, type)], []);

    /// <summary>A program that is one source instruction.</summary>
    public static BlockProgram Source(Instruction source, long[] constants) => new([source], constants);

    /// <summary>This program followed by <paramref name="instruction"/>, with <paramref name="constants"/> appended (the instruction's slots count from this program's last).</summary>
    public BlockProgram Then(Instruction instruction, params long[] constants) =>
        new([.. _code, instruction with { B = instruction.ConstantB ? Constants.Length + instruction.B : instruction.B }], [.. Constants, .. constants]);

    /// <summary>The bits a constant of <typeparamref name="T"/> is stored as.</summary>
    public static long Bits<T>(T value) where T : unmanaged
    {
        long bits = 0;
        Unsafe.As<long, T>(ref bits) = value;
        return bits;
    }

    /// <summary>The value of constant slot <paramref name="slot"/> as a <typeparamref name="T"/>.</summary>
    public static T Value<T>(long[] constants, int slot) where T : unmanaged => Unsafe.As<long, T>(ref constants[slot]);

    /// <summary>Four numbers per instruction: op, dtype, a, b.</summary>
    public int[] EncodeCode()
    {
        var codes = new int[4 * _code.Length];
        for (int i = 0; i < _code.Length; i++)
        {
            var c = _code[i];
            (codes[4 * i], codes[4 * i + 1], codes[4 * i + 2], codes[4 * i + 3]) = ((int)c.Op, (int)c.Type, c.A, c.B);
        }
        return codes;
    }

    /// <exception cref="ArgumentException">The numbers are not a program.</exception>
    public static BlockProgram Decode(int[] codes, long[] constants)
    {
        if (codes.Length % 4 != 0)
            throw new ArgumentException($"a block program has four numbers per instruction, not {codes.Length}", nameof(codes));
        var code = new Instruction[codes.Length / 4];
        for (int i = 0; i < code.Length; i++)
            code[i] = new Instruction((BlockOp)codes[4 * i], (DType)codes[4 * i + 1], codes[4 * i + 2], codes[4 * i + 3]);
        return new BlockProgram(code, constants);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join(" ", _code.Select(c => $"{c.Op}:{DTypes.Name(c.Type)}({c.A},{c.B})"));
}
