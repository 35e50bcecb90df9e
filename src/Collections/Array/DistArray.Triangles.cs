using System.Numerics;
using LazyDist.Collections.Kernels;

namespace LazyDist.Collections;

/// <remarks>Arrays made from the positions of their elements: numpy's <c>eye</c>, <c>diag</c>, <c>tril</c> and <c>triu</c>, as fused block programs.</remarks>
public static partial class DistArray
{
    /// <summary>
    /// An <paramref name="n"/> × <paramref name="m"/> (square when <paramref name="m"/> is null) array with
    /// ones on diagonal <paramref name="k"/> (above the main one for positive k) and zeros elsewhere, as numpy's <c>eye</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The chunks do not fit the shape.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A length is negative.</exception>
    public static DistArray<T> Eye<T>(long n, ChunkSpec chunks, long? m = null, long k = 0) where T : unmanaged, INumber<T> => Diagonal<T>(n, m ?? n, chunks, k);

    private static DistArray<T> Diagonal<T>(long n, long m, ChunkSpec chunks, long k) where T : unmanaged
    {
        long[] shape = [n, m];
        Shapes.Validate(shape);
        var grid = new BlockGrid(shape, chunks.Normalize(shape));
        var type = DTypes.Of<T>();
        return ArrayNodes.Source<T>("eye", shape, chunks, (_, b) =>
        {
            var mask = DiagonalMask(grid, b, k, below: null);
            return type == DType.Bool ? mask : mask.Then(new Instruction(BlockOp.Cast, DType.Bool, 0, (int)type));
        }, k);
    }

    /// <summary>The array with the elements above diagonal <paramref name="k"/> of its last two axes set to zero, as numpy's <c>tril</c>.</summary>
    /// <exception cref="ArgumentException">The array has fewer than two axes.</exception>
    public static DistArray<T> Tril<T>(this DistArray<T> array, long k = 0) where T : unmanaged => Triangle(array, k, below: true);

    /// <summary>The array with the elements below diagonal <paramref name="k"/> of its last two axes set to zero, as numpy's <c>triu</c>.</summary>
    /// <exception cref="ArgumentException">The array has fewer than two axes.</exception>
    public static DistArray<T> Triu<T>(this DistArray<T> array, long k = 0) where T : unmanaged => Triangle(array, k, below: false);

    /// <summary>
    /// numpy's <c>diag</c>: for a 1-D array, the square array with it on diagonal <paramref name="k"/>;
    /// for a 2-D array, its diagonal <paramref name="k"/> as a 1-D array.
    /// </summary>
    /// <exception cref="ArgumentException">The array is neither 1-D nor 2-D.</exception>
    public static DistArray<T> Diag<T>(this DistArray<T> array, long k = 0) where T : unmanaged
    {
        var grid = GridOf(array);
        grid.RequireKnown();
        if (grid.Rank == 2)
        {
            long rows = grid.Shape[0], cols = grid.Shape[1];
            long count = Math.Max(0, k >= 0 ? Math.Min(rows, cols - k) : Math.Min(rows + k, cols));
            long start = k >= 0 ? k : -k * cols;
            var flat = array.Ravel();
            return count == 0 ? flat[0..0] : flat[new Slice((int)start, (int)(start + (count - 1) * (cols + 1) + 1), (int)(cols + 1))];
        }
        if (grid.Rank != 1)
            throw new ArgumentException($"Input must be 1- or 2-d, got shape {Shapes.Text(grid.Shape)}", nameof(array));
        long n = grid.Shape[0] + Math.Abs(k);
        int chunk = Math.Max(1, grid.Chunks[0].Max());
        // v padded with |k| zeros to n, then placed where column − row = k: at row i (k ≥ 0) or column j (k < 0).
        var padded = Concatenate([array, Zeros<T>([Math.Abs(k)], chunk)]).Rechunk(chunk);
        var lines = k >= 0 ? padded.ExpandDims(1).BroadcastTo(n, n) : padded.ExpandDims(0).BroadcastTo(n, n);
        return Where(Diagonal<bool>(n, n, lines.Chunks.Select(c => c.ToArray()).ToArray(), k), lines, default(T));
    }

    private static DistArray<T> Triangle<T>(DistArray<T> array, long k, bool below) where T : unmanaged
    {
        var grid = GridOf(array);
        grid.RequireKnown();
        if (grid.Rank < 2)
            throw new ArgumentException($"{(below ? "tril" : "triu")} needs at least two axes, got shape {Shapes.Text(grid.Shape)}", nameof(array));
        var type = DTypes.Of<T>();
        return ArrayNodes.ElementwiseBlocks<T>(below ? "tril" : "triu", [array], b =>
        {
            var mask = DiagonalMask(grid, b, k, below);
            var code = new List<Instruction>(mask.Code) { new(BlockOp.Input, type, 0), new(BlockOp.Constant, type, 0, mask.Constants.Length), new(BlockOp.Where, type) };
            return new BlockProgram(code, [.. mask.Constants, 0L]);
        }, (k, below));
    }

    /// <summary>
    /// A bool program over block <paramref name="b"/>: column − row (of the last two axes) equal to
    /// <paramref name="k"/>, at most k (<paramref name="below"/>), or at least k.
    /// </summary>
    private static BlockProgram DiagonalMask(BlockGrid grid, int b, long k, bool? below)
    {
        int rows = grid.Rank - 2, cols = grid.Rank - 1;
        var op = below switch { null => BlockOp.Equal, true => BlockOp.LessEqual, false => BlockOp.GreaterEqual };
        return new BlockProgram(
        [
            new(BlockOp.Position, DType.Int64, 0), new(BlockOp.Position, DType.Int64, 3), new(BlockOp.Subtract, DType.Int64),
            new(op, DType.Int64, Instruction.ConstantRight, 6),
        ], [.. ArrayNodes.PositionOf(grid, b, cols), .. ArrayNodes.PositionOf(grid, b, rows), k]);
    }
}
