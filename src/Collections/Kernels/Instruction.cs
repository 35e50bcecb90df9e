namespace LazyDist.Collections.Kernels;

/// <summary>One instruction of a block program: the operation, the element type it works in, and two operands (see <see cref="BlockOp"/>).</summary>
internal readonly record struct Instruction(BlockOp Op, DType Type, int A = 0, int B = 0)
{
    /// <summary>The operand mode of a binary operation on the top tile and a constant on its right.</summary>
    public const int ConstantRight = 1;

    /// <summary>The operand mode of a binary operation on a constant on the left and the top tile.</summary>
    public const int ConstantLeft = 2;

    public bool IsSource => Op <= BlockOp.InputAlong;

    public bool IsBinary => Op is >= BlockOp.Add and < BlockOp.Where;

    /// <summary>The element type of the tile this instruction leaves on top.</summary>
    public DType ResultType => Op switch
    {
        BlockOp.Random or BlockOp.Normal => DType.Float64,
        BlockOp.Position => DType.Int64,
        BlockOp.IsNaN or BlockOp.IsInf or BlockOp.IsFinite or (>= BlockOp.Equal and <= BlockOp.GreaterEqual) => DType.Bool,
        BlockOp.Cast => (DType)B,
        _ => Type,
    };

    /// <summary>How many tiles it adds to the stack (negative: removes).</summary>
    public int StackEffect => IsSource ? 1 : Op == BlockOp.Where ? -2 : IsBinary && A == 0 ? -1 : 0;

    /// <summary>Whether <c>A</c> names a register (<see cref="BlockOp.Keep"/>, <see cref="BlockOp.Reuse"/>).</summary>
    public bool RegisterOperand => Op is BlockOp.Keep or BlockOp.Reuse;

    /// <summary>Whether <c>A</c> names an input.</summary>
    public bool InputOperand => Op is BlockOp.Input or BlockOp.Scalar or BlockOp.InputAlong;

    /// <summary>Whether <c>A</c> names a constant slot.</summary>
    public bool ConstantA => Op is BlockOp.Random or BlockOp.Normal or BlockOp.Arange or BlockOp.Linspace or BlockOp.Position;

    /// <summary>Whether <c>B</c> names a constant slot.</summary>
    public bool ConstantB => Op is BlockOp.Constant or BlockOp.Normal or BlockOp.Arange or BlockOp.Linspace or BlockOp.InputAlong || (IsBinary && A != 0);
}
