using System.Numerics;
using System.Runtime.InteropServices;

namespace LazyDist.Collections.Kernels;

/// <summary>The tiles that source instructions push: constants, scalars, ranges and positions.</summary>
internal static class SourceKernels
{
    /// <summary>Fills with the value whose bits are <paramref name="bits"/> (a constant, or element 0 of a scalar input).</summary>
    public static void Fill(DType type, long bits, Tile into, int length)
    {
        var action = new FillAction(bits, into, length);
        NumericDispatch.Run(type, ref action);
    }

    /// <summary>The bits of element 0 of <paramref name="block"/>.</summary>
    public static long FirstBits(DType type, Array block)
    {
        if (block.Length != 1)
            throw new InvalidOperationException($"a scalar input holds {block.Length} elements, not 1");
        var bits = new long[1];
        Buffer.BlockCopy(block, 0, bits, 0, DTypes.Size(type));
        return bits[0];
    }

    /// <summary>
    /// Whether <see cref="Along"/> would fill elements [<paramref name="start"/>, start + <paramref name="length"/>)
    /// with one value (a block of length 1 along the last axis, one run), and that value's bits.
    /// </summary>
    public static bool TryUniformAlong(DType type, Array source, long start, long along, long inner, int length, out long bits)
    {
        bits = 0;
        if (inner != 1 || along - start % along < length)
            return false;
        int size = DTypes.Size(type);
        Span<long> value = stackalloc long[1];
        new Tile(source, checked((int)(start / along)) * size, type).Span<byte>(size).CopyTo(MemoryMarshal.AsBytes(value));
        bits = value[0];
        return true;
    }

    /// <summary>
    /// numpy's <c>arange</c> from element <paramref name="offset"/>: <c>start</c>, <c>second</c>
    /// (numpy's <c>start + step</c>, rounded to the dtype), then <c>start + i·(second − start)</c>:
    /// numpy fills the rest from its first two elements.
    /// </summary>
    public static void Arange(DType type, long start, long second, long offset, Tile into, int length)
    {
        var action = new ArangeAction(start, second, offset, into, length);
        NumericDispatch.Run(type, ref action);
    }

    /// <summary>numpy's <c>linspace</c> from element <paramref name="offset"/>: <c>i·step + first</c>, and exactly <paramref name="stop"/> at <paramref name="endIndex"/>.</summary>
    public static void Linspace(Span<double> into, double first, double step, double stop, long offset, long endIndex)
    {
        for (int i = 0; i < into.Length; i++)
            into[i] = (offset + i) * step + first;
        long last = endIndex - offset;
        if (last >= 0 && last < into.Length)
            into[(int)last] = stop;
    }

    /// <summary>The index along one axis of elements <paramref name="start"/>, ...: <c>axisStart + (p / stride) % extent</c>.</summary>
    public static void Position(Span<long> into, long start, long axisStart, long stride, long extent)
    {
        for (int i = 0; i < into.Length; i++)
            into[i] = axisStart + (start + i) / stride % extent;
    }

    /// <summary>Elements <paramref name="start"/>, ... of a block that repeats <paramref name="source"/> along an axis of length <paramref name="along"/> with <paramref name="inner"/> elements after it.</summary>
    public static void Along(DType type, Array source, long start, long along, long inner, Tile into, int length)
    {
        var action = new AlongAction(new Tile(source, 0, type), start, along, inner, into, length);
        NumericDispatch.Run(type, ref action);
    }

    private readonly struct AlongAction(Tile source, long start, long along, long inner, Tile into, int n) : INumericAction
    {
        public void Invoke<T>() where T : unmanaged, INumber<T>
        {
            var from = source.Span<T>(source.Data.Length);
            var span = into.Span<T>(n);
            // Element p reads from[(p / (along · inner)) · inner + p % inner]: runs of consecutive
            // elements read one value (inner = 1) or consecutive values (inner > 1), one division a run.
            for (int i = 0; i < span.Length;)
            {
                long p = start + i;
                if (inner == 1)
                {
                    int run = (int)Math.Min(along - p % along, span.Length - i);
                    span.Slice(i, run).Fill(from[(int)(p / along)]);
                    i += run;
                }
                else
                {
                    long b = p % inner;
                    int run = (int)Math.Min(inner - b, span.Length - i);
                    from.Slice((int)(p / (along * inner) * inner + b), run).CopyTo(span.Slice(i, run));
                    i += run;
                }
            }
        }
    }

    private readonly struct FillAction(long bits, Tile into, int n) : INumericAction
    {
        public void Invoke<T>() where T : unmanaged, INumber<T> => into.Span<T>(n).Fill(BlockProgram.Value<T>([bits], 0));
    }

    private readonly struct ArangeAction(long startBits, long secondBits, long offset, Tile into, int n) : INumericAction
    {
        public void Invoke<T>() where T : unmanaged, INumber<T>
        {
            var span = into.Span<T>(n);
            T start = BlockProgram.Value<T>([startBits], 0), second = BlockProgram.Value<T>([secondBits], 0);
            T delta = second - start;
            for (int i = 0; i < span.Length; i++)
            {
                long k = offset + i;
                span[i] = k == 0 ? start : k == 1 ? second : start + T.CreateTruncating(k) * delta;
            }
        }
    }
}
