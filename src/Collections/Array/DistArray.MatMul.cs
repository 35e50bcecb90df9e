using System.Numerics;
using LazyDist.Graph;

namespace LazyDist.Collections;

public static partial class DistArray
{
    /// <summary>
    /// The matrix product (numpy's <c>matmul</c> for 1-D and 2-D operands): block <c>(i, j)</c>
    /// of the result is the tree sum, over the inner blocks <c>k</c>, of <c>A[i, k] · B[k, j]</c>.
    /// The inner chunks of both operands are aligned by rechunking. A 1-D left operand is a row,
    /// a 1-D right operand a column, and that axis is removed from the result.
    /// </summary>
    /// <exception cref="ArgumentException">The inner lengths differ or an operand is not 1-D or 2-D; the message names both shapes.</exception>
    public static DistArray<T> MatMul<T>(this DistArray<T> left, DistArray<T> right, int splitEvery = 32) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Rank is < 1 or > 2 || right.Rank is < 1 or > 2)
            throw new ArgumentException($"matmul takes 1-D and 2-D operands, got shapes {Shapes.Text(left.Grid.Shape)} and {Shapes.Text(right.Grid.Shape)}", nameof(right));
        var a = left.Rank == 2 ? left : Broadcasting.View(left, [1, left.Grid.Shape[0]], [[1], left.Grid.Chunks[0]]);
        var b = right.Rank == 2 ? right : Broadcasting.View(right, [right.Grid.Shape[0], 1], [right.Grid.Chunks[0], [1]]);
        if (a.Grid.Shape[1] != b.Grid.Shape[0])
            throw new ArgumentException($"matmul: inner dimensions differ for shapes {Shapes.Text(left.Grid.Shape)} and {Shapes.Text(right.Grid.Shape)} ({a.Grid.Shape[1]} != {b.Grid.Shape[0]})", nameof(right));
        var inner = BlockGrid.CommonRefinement(a.Grid.Chunks[1], b.Grid.Chunks[0]);
        a = RechunkTo(a, [a.Grid.Chunks[0], inner]);
        b = RechunkTo(b, [inner, b.Grid.Chunks[1]]);
        var product = Product(a, b, splitEvery);
        if (left.Rank == 2 && right.Rank == 2)
            return product;
        if (left.Rank == 2)
            return Broadcasting.View(product, [product.Grid.Shape[0]], [product.Grid.Chunks[0]]);
        if (right.Rank == 2)
            return Broadcasting.View(product, [product.Grid.Shape[1]], [product.Grid.Chunks[1]]);
        return Broadcasting.View(product, [], []);
    }

    /// <summary>The dot product of two 1-D arrays.</summary>
    /// <exception cref="ArgumentException">The operands are not 1-D arrays of one length.</exception>
    public static Delayed<T> Dot<T>(this DistArray<T> left, DistArray<T> right, int splitEvery = 32) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Rank != 1 || right.Rank != 1)
            throw new ArgumentException($"Dot takes two 1-D arrays, got shapes {Shapes.Text(left.Grid.Shape)} and {Shapes.Text(right.Grid.Shape)}; use MatMul for matrices", nameof(right));
        var scalar = left.MatMul(right, splitEvery);
        var key = new TaskKey($"dot-{Tokenizer.Token("dot", scalar.Name)}");
        var first = new TaskNode(ArrayOperations.Get("array.first"), new TaskRef(scalar.ChunkKey(0)));
        return new Delayed<T>(key, new TaskLayer(key, first, [scalar]));
    }

    private static DistArray<T> Product<T>(DistArray<T> a, DistArray<T> b, int splitEvery) where T : unmanaged, INumber<T>
    {
        if (splitEvery < 2)
            throw new ArgumentOutOfRangeException(nameof(splitEvery), splitEvery, $"splitEvery must be at least 2, got {splitEvery}");
        long[] shape = [a.Grid.Shape[0], b.Grid.Shape[1]];
        int[][] chunks = [a.Grid.Chunks[0], b.Grid.Chunks[1]];
        var output = new BlockGrid(shape, chunks);
        string name = $"matmul-{Tokenizer.Token("matmul", a.Name, b.Name, splitEvery)}";
        var tasks = new List<KeyValuePair<TaskKey, TaskNode>>();
        var finals = new TaskNode[output.BlockCount];
        var matmul = ArrayOperations.Get("array.matmul");
        var addAll = ArrayOperations.Get("array.addall");
        int kBlocks = a.Grid.Counts[1];
        for (int ob = 0; ob < output.BlockCount; ob++)
        {
            var index = output.BlockIndex(ob);
            int m = a.Grid.Chunks[0][index[0]], n = b.Grid.Chunks[1][index[1]];
            var level = new List<TaskKey>();
            for (int k = 0; k < kBlocks; k++)
            {
                int kk = a.Grid.Chunks[1][k];
                var key = new TaskKey($"{name}-{ob}-0", k);
                tasks.Add(new(key, new TaskNode(matmul, new TaskRef(a.ChunkKey(a.Grid.Flat([index[0], k]))), new TaskRef(b.ChunkKey(b.Grid.Flat([k, index[1]]))), m, kk, n)));
                level.Add(key);
            }
            for (int depth = 1; level.Count > splitEvery; depth++)
            {
                var next = new List<TaskKey>();
                for (int s = 0; s < level.Count; s += splitEvery)
                {
                    var key = new TaskKey($"{name}-{ob}-{depth}", next.Count);
                    tasks.Add(new(key, new TaskNode(addAll, ArgList.OfRefs(level.Skip(s).Take(splitEvery)))));
                    next.Add(key);
                }
                level = next;
            }
            finals[ob] = new TaskNode(addAll, ArgList.OfRefs(level));
        }
        return new DistArray<T>(name, shape, chunks, ob => finals[ob], [new TaskLayer(tasks, [a, b])]);
    }
}
