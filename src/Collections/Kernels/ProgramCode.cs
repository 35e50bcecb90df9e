namespace LazyDist.Collections.Kernels;

/// <summary>
/// The instructions of an elementwise block program: a postfix list of (code, a, b) triples over a
/// stack of tiles. <c>a</c> names an input or a seed slot, <c>b</c> a constant slot, as noted.
/// Programs are plain data (int, constant and seed arrays), so fused tasks serialize.
/// </summary>
internal static class ProgramCode
{
    /// <summary>Push input <c>a</c>'s tile.</summary>
    public const int In = 0;

    /// <summary>Push uniform [0, 1) values of the stream seeded by <c>seeds[a]</c>.</summary>
    public const int Random = 1;

    /// <summary>Push normal values of the stream <c>seeds[a]</c>, mean <c>consts[b]</c>, std <c>consts[b + 1]</c>.</summary>
    public const int Normal = 2;

    /// <summary>Push <c>consts[b] + (seeds[a] + i) · consts[b + 1]</c>.</summary>
    public const int Arange = 3;

    /// <summary>Push <c>(seeds[a] + i) · consts[b + 1] + consts[b]</c>, and <c>consts[b + 2]</c> at index <c>seeds[a + 1]</c>.</summary>
    public const int Linspace = 4;

    /// <summary>Push <c>consts[b]</c> everywhere.</summary>
    public const int Const = 5;

    /// <summary>Unary operations on the top tile.</summary>
    public const int Neg = 10, Abs = 11, Sqrt = 12, Exp = 13, Log = 14;

    /// <summary>Binary operations on the two top tiles.</summary>
    public const int Add = 20, Sub = 21, Mul = 22, Div = 23, Pow = 24, Min = 25, Max = 26;

    /// <summary>A binary operation code plus this: top tile op <c>consts[b]</c>.</summary>
    public const int ScalarRight = 20;

    /// <summary>A binary operation code plus this: <c>consts[b]</c> op top tile.</summary>
    public const int ScalarLeft = 40;

    public static bool UsesSeed(int code) => code is Random or Normal or Arange or Linspace;

    public static bool UsesConst(int code) => code is Normal or Arange or Linspace or Const || code >= Add + ScalarRight;

    public static int StackEffect(int code) => code switch
    {
        <= Const => 1,
        >= Add and <= Max => -1,
        _ => 0,
    };

    public static int MaxDepth(int[] codes)
    {
        int depth = 0, max = 0;
        for (int i = 0; i < codes.Length; i += 3)
            max = Math.Max(max, depth += StackEffect(codes[i]));
        return max;
    }
}
