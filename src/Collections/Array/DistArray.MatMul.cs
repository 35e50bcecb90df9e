using System.Numerics;
using LazyDist.Graph;

namespace LazyDist.Collections;

public static partial class DistArray
{
    /// <summary>
    /// The matrix product, as numpy's <c>matmul</c>: for 2-D operands, block <c>(i, j)</c> is the tree
    /// sum over the inner blocks <c>k</c> of <c>A[i, k] · B[k, j]</c>; operands of 3 or more axes are
    /// stacks of matrices whose leading axes broadcast together; a 1-D left operand is a row and a
    /// 1-D right operand a column, that axis removed from the result. Inner chunks are aligned by rechunking.
    /// </summary>
    /// <exception cref="ArgumentException">The inner lengths differ, an operand is 0-D, or the leading axes cannot broadcast; the message names both shapes.</exception>
    public static DistArray<T> MatMul<T>(this DistArray<T> left, DistArray<T> right, int splitEvery = 32) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        left.Grid.RequireKnown();
        right.Grid.RequireKnown();
        string shapes = $"{Shapes.Text(left.Grid.Shape)} and {Shapes.Text(right.Grid.Shape)}";
        if (left.Rank == 0 || right.Rank == 0)
            throw new ArgumentException($"matmul: Input operand does not have enough dimensions (shapes {shapes})", nameof(right));
        var a = left.Rank == 1 ? left.ExpandDims(0) : left;
        var b = right.Rank == 1 ? right.ExpandDims(1) : right;
        if (a.Grid.Shape[^1] != b.Grid.Shape[^2])
            throw new ArgumentException($"matmul: inner dimensions differ for shapes {shapes} ({a.Grid.Shape[^1]} != {b.Grid.Shape[^2]})", nameof(right));
        int lead = Math.Max(a.Rank, b.Rank) - 2;
        var (leadShape, leadChunks) = LeadingAxes(a, b, lead, shapes);
        var inner = BlockGrid.CommonRefinement(a.Grid.Chunks[^1], b.Grid.Chunks[^2]);
        a = Broadcasting.To(a, [.. leadShape, a.Grid.Shape[^2], a.Grid.Shape[^1]], [.. leadChunks, a.Grid.Chunks[^2], inner]);
        b = Broadcasting.To(b, [.. leadShape, b.Grid.Shape[^2], b.Grid.Shape[^1]], [.. leadChunks, inner, b.Grid.Chunks[^1]]);
        var product = Product(a, b, lead, splitEvery);
        long[] shape = [.. product.Grid.Shape];
        int[][] chunks = product.Grid.Chunks;
        if (left.Rank == 1)
            (shape, chunks) = ([.. shape[..lead], .. shape[(lead + 1)..]], [.. chunks[..lead], .. chunks[(lead + 1)..]]);
        if (right.Rank == 1)
            (shape, chunks) = (shape[..^1], chunks[..^1]);
        return shape.Length == product.Rank ? product : Broadcasting.View(product, shape, chunks);
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

    /// <summary>The outer product of the flattened arrays: <c>result[i, j] = a[i] · b[j]</c> (numpy's <c>outer</c>), by broadcasting.</summary>
    public static DistArray<T> Outer<T>(this DistArray<T> left, DistArray<T> right) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return left.Ravel().ExpandDims(1) * right.Ravel().ExpandDims(0);
    }

    /// <summary>The broadcast shape and chunks of the leading (stack) axes of both operands.</summary>
    private static (long[] Shape, int[][] Chunks) LeadingAxes<T>(DistArray<T> a, DistArray<T> b, int lead, string shapes) where T : unmanaged
    {
        var shape = new long[lead];
        var chunks = new int[lead][];
        for (int axis = 0; axis < lead; axis++)
        {
            int ia = axis - (lead - (a.Rank - 2)), ib = axis - (lead - (b.Rank - 2));
            long la = ia >= 0 ? a.Grid.Shape[ia] : 1, lb = ib >= 0 ? b.Grid.Shape[ib] : 1;
            int[] ca = ia >= 0 ? a.Grid.Chunks[ia] : [1], cb = ib >= 0 ? b.Grid.Chunks[ib] : [1];
            if (la != lb && la != 1 && lb != 1)
                throw new ArgumentException($"matmul: the stacks of shapes {shapes} cannot be broadcast together", nameof(b));
            shape[axis] = la == 1 ? lb : la;
            chunks[axis] = la == lb ? BlockGrid.CommonRefinement(ca, cb) : la == 1 ? cb : ca;
        }
        return (shape, chunks);
    }

    /// <summary>The product of stacks aligned for it: <paramref name="lead"/> stack axes, then (m, k) and (k, n) with the same k chunks.</summary>
    private static DistArray<T> Product<T>(DistArray<T> a, DistArray<T> b, int lead, int splitEvery) where T : unmanaged, INumber<T>
    {
        if (splitEvery < 2)
            throw new ArgumentOutOfRangeException(nameof(splitEvery), splitEvery, $"splitEvery must be at least 2, got {splitEvery}");
        long[] shape = [.. a.Grid.Shape[..lead], a.Grid.Shape[lead], b.Grid.Shape[lead + 1]];
        int[][] chunks = [.. a.Grid.Chunks[..lead], a.Grid.Chunks[lead], b.Grid.Chunks[lead + 1]];
        var output = new BlockGrid(shape, chunks);
        string name = $"matmul-{Tokenizer.Token("matmul", a.Name, b.Name, splitEvery)}";
        var tasks = new List<KeyValuePair<TaskKey, TaskNode>>();
        var finals = new TaskNode[output.BlockCount];
        var matmul = ArrayOperations.Get("array.matmul");
        var addAll = ArrayOperations.Get("array.addall");
        int kBlocks = a.Grid.Counts[lead + 1];
        for (int ob = 0; ob < output.BlockCount; ob++)
        {
            var index = output.BlockIndex(ob);
            var outShape = output.BlockShape(ob);
            int batch = outShape[..lead].Aggregate(1, (p, s) => p * s), m = outShape[lead], n = outShape[lead + 1];
            var level = new List<TaskKey>();
            for (int k = 0; k < kBlocks; k++)
            {
                int kk = a.Grid.Chunks[lead + 1][k];
                var key = new TaskKey($"{name}-{ob}-0", k);
                int[] ai = [.. index[..lead], index[lead], k], bi = [.. index[..lead], k, index[lead + 1]];
                tasks.Add(new(key, new TaskNode(matmul, new TaskRef(a.ChunkKey(a.Grid.Flat(ai))), new TaskRef(b.ChunkKey(b.Grid.Flat(bi))), m, kk, n, batch)));
                level.Add(key);
            }
            if (level.Count == 0)
            {
                finals[ob] = TaskNode.FromValue(new T[batch * m * n]);
                continue;
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
