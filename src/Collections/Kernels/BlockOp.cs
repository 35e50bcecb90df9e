namespace LazyDist.Collections.Kernels;

/// <summary>
/// What one instruction of a <see cref="BlockProgram"/> does to the stack of tiles. Sources push a
/// tile, unary operations replace the top one, binary ones combine the top two (or the top one and
/// a constant), <see cref="Where"/> the top three. The numbers travel in task graphs: append, never
/// renumber.
/// </summary>
internal enum BlockOp
{
    /// <summary>Push input <c>A</c>'s elements.</summary>
    Input = 0,

    /// <summary>Push element 0 of input <c>A</c> (a one-element block) everywhere.</summary>
    Scalar = 1,

    /// <summary>Push <c>constants[B]</c> everywhere.</summary>
    Constant = 2,

    /// <summary>Push uniform [0, 1) doubles of the stream seeded by <c>constants[A]</c>.</summary>
    Random = 3,

    /// <summary>Push normal doubles of the stream <c>constants[A]</c>, mean <c>constants[B]</c>, std <c>constants[B + 1]</c>.</summary>
    Normal = 4,

    /// <summary>Push numpy's arange: element <c>i = constants[A] + position</c> of the range whose first two elements are <c>constants[B]</c> and <c>constants[B + 1]</c>.</summary>
    Arange = 5,

    /// <summary>Push <c>i · constants[B + 1] + constants[B]</c> (<c>i = constants[A] + position</c>), and <c>constants[B + 2]</c> at <c>i = constants[A + 1]</c>.</summary>
    Linspace = 6,

    /// <summary>Push the index along one axis of each element: <c>constants[A] + position / constants[A + 1] % constants[A + 2]</c>, as int64.</summary>
    Position = 7,

    /// <summary>Push the tile kept in register <c>A</c> by <see cref="Keep"/> (a value several instructions read, computed once).</summary>
    Reuse = 8,

    /// <summary>
    /// Push input <c>A</c> repeated along one axis of the block: element <c>p</c> reads element
    /// <c>(p / (R·I))·I + p mod I</c> with <c>R = constants[B]</c> (the axis's length) and <c>I = constants[B + 1]</c>
    /// (the elements after it), as a block of length 1 along that axis broadcasts.
    /// </summary>
    InputAlong = 9,

    Negate = 20,
    Abs = 21,
    Sqrt = 22,
    Exp = 23,
    Log = 24,
    Sin = 25,
    Cos = 26,
    Tan = 27,
    ArcSin = 28,
    ArcCos = 29,
    ArcTan = 30,
    Sinh = 31,
    Cosh = 32,
    Tanh = 33,
    Log10 = 34,
    Log2 = 35,
    Log1p = 36,
    Expm1 = 37,
    Floor = 38,
    Ceil = 39,
    Round = 40,
    Trunc = 41,
    Sign = 42,
    Square = 43,
    Reciprocal = 44,
    Not = 45,
    IsNaN = 46,
    IsInf = 47,
    IsFinite = 48,

    /// <summary>Convert the top tile to dtype <c>B</c> (numpy's <c>astype</c>).</summary>
    Cast = 49,

    /// <summary>Bitwise not of integers (numpy's <c>invert</c>, <c>~</c>).</summary>
    Invert = 50,

    /// <summary>Copy the top tile into register <c>A</c>, leaving it on the stack.</summary>
    Keep = 51,

    /// <summary>
    /// Binary operations. <c>A</c> is the operand mode: 0 combines the two top tiles, 1 the top tile
    /// with <c>constants[B]</c> on the right, 2 with <c>constants[B]</c> on the left.
    /// </summary>
    Add = 60,
    Subtract = 61,
    Multiply = 62,
    Divide = 63,
    FloorDivide = 64,
    Mod = 65,
    Power = 66,
    Minimum = 67,
    Maximum = 68,
    ArcTan2 = 69,
    And = 70,
    Or = 71,
    Xor = 72,
    Equal = 73,
    NotEqual = 74,
    Less = 75,
    LessEqual = 76,
    Greater = 77,
    GreaterEqual = 78,
    FMin = 79,
    FMax = 80,

    /// <summary>Pop a mask (bool) and two tiles: where the mask holds, the first, else the second.</summary>
    Where = 90,
}
