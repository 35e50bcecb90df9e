using System.Numerics;

namespace LazyDist.Collections;

/// <remarks>Tensor contractions built on transposes, reshapes and stacked matrix products: numpy's <c>tensordot</c> and <c>einsum</c>.</remarks>
public static partial class DistArray
{
    /// <summary>numpy's <c>tensordot(a, b, axes)</c>: the last <paramref name="axes"/> axes of <paramref name="left"/> contracted with the first ones of <paramref name="right"/>.</summary>
    /// <exception cref="ArgumentException">The contracted lengths differ.</exception>
    public static DistArray<T> TensorDot<T>(this DistArray<T> left, DistArray<T> right, int axes = 2) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return left.TensorDot(right, [.. Enumerable.Range(left.Rank - axes, axes)], [.. Enumerable.Range(0, axes)]);
    }

    /// <summary>numpy's <c>tensordot(a, b, (leftAxes, rightAxes))</c>: axis <c>leftAxes[i]</c> contracted with <c>rightAxes[i]</c>; the free axes of left, then of right.</summary>
    /// <exception cref="ArgumentException">The axis lists differ in length, or the contracted lengths differ.</exception>
    public static DistArray<T> TensorDot<T>(this DistArray<T> left, DistArray<T> right, int[] leftAxes, int[] rightAxes) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(leftAxes);
        ArgumentNullException.ThrowIfNull(rightAxes);
        if (leftAxes.Length != rightAxes.Length)
            throw new ArgumentException($"tensordot: {leftAxes.Length} axes of the left operand against {rightAxes.Length} of the right", nameof(rightAxes));
        var la = leftAxes.Select(a => Shapes.NormalizeAxis(a, left.Rank, nameof(leftAxes))).ToArray();
        var ra = rightAxes.Select(a => Shapes.NormalizeAxis(a, right.Rank, nameof(rightAxes))).ToArray();
        for (int i = 0; i < la.Length; i++)
        {
            if (left.Grid.Shape[la[i]] != right.Grid.Shape[ra[i]])
                throw new ArgumentException($"shape-mismatch for sum: axis {la[i]} of {Shapes.Text(left.Grid.Shape)} against axis {ra[i]} of {Shapes.Text(right.Grid.Shape)}", nameof(rightAxes));
        }
        var freeLeft = Enumerable.Range(0, left.Rank).Where(a => !la.Contains(a)).ToArray();
        var freeRight = Enumerable.Range(0, right.Rank).Where(a => !ra.Contains(a)).ToArray();
        long m = Product(freeLeft, left), k = Product(la, left), n = Product(freeRight, right);
        var a2 = left.Transpose([.. freeLeft, .. la]).Reshape(m, k);
        var b2 = right.Transpose([.. ra, .. freeRight]).Reshape(k, n);
        return a2.MatMul(b2).Reshape([.. freeLeft.Select(a => left.Grid.Shape[a]), .. freeRight.Select(a => right.Grid.Shape[a])]);
    }

    /// <summary>
    /// numpy's <c>einsum</c> for one operand (<c>"ij->ji"</c>, <c>"ij->i"</c>, <c>"ii->i"</c>, <c>"ii"</c>)
    /// or two (<c>"ij,jk->ik"</c>, <c>"bij,bjk->bik"</c>, <c>"i,j->ij"</c>, <c>"ij,ij->"</c>, ...); without
    /// <c>-&gt;</c> the output is numpy's implicit one (the letters seen once, in order). Letters only in
    /// one operand and not in the output are summed first; the rest is a stacked matrix product.
    /// </summary>
    /// <exception cref="ArgumentException">The subscripts do not match the operands, or lengths of one letter differ.</exception>
    /// <exception cref="NotSupportedException">Ellipses, more than two operands, or a letter repeated within one of two operands.</exception>
    public static DistArray<T> Einsum<T>(string subscripts, params DistArray<T>[] operands) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(subscripts);
        ArgumentNullException.ThrowIfNull(operands);
        var (inputs, output) = EinsumParser.Parse(subscripts, operands.Select(o => o.Rank).ToArray());
        if (operands.Length == 1)
            return EinsumOne(inputs[0], output, operands[0]);
        if (operands.Length != 2)
            throw new NotSupportedException($"einsum of {operands.Length} operands: contract two at a time");
        if (inputs.Any(s => s.Distinct().Count() != s.Length))
            throw new NotSupportedException($"einsum '{subscripts}': a letter repeated within one of two operands (take the diagonal first)");
        var (a, sa) = SumAlone(operands[0], inputs[0], inputs[1], output);
        var (b, sb) = SumAlone(operands[1], inputs[1], sa, output);
        char[] batch = [.. sa.Where(c => sb.Contains(c) && output.Contains(c))];
        char[] contracted = [.. sa.Where(c => sb.Contains(c) && !output.Contains(c))];
        char[] freeA = [.. sa.Where(c => !sb.Contains(c))], freeB = [.. sb.Where(c => !sa.Contains(c))];
        foreach (char c in batch.Concat(contracted))
        {
            if (a.Grid.Shape[sa.IndexOf(c)] != b.Grid.Shape[sb.IndexOf(c)])
                throw new ArgumentException($"einsum '{subscripts}': '{c}' has length {a.Grid.Shape[sa.IndexOf(c)]} in one operand and {b.Grid.Shape[sb.IndexOf(c)]} in the other", nameof(subscripts));
        }
        long Size(string s, DistArray<T> x, char[] letters) => letters.Aggregate(1L, (p, c) => p * x.Grid.Shape[s.IndexOf(c)]);
        long nb = Size(sa, a, batch), m = Size(sa, a, freeA), k = Size(sa, a, contracted), n = Size(sb, b, freeB);
        var a3 = a.Transpose([.. batch.Concat(freeA).Concat(contracted).Select(c => sa.IndexOf(c))]).Reshape(nb, m, k);
        var b3 = b.Transpose([.. batch.Concat(contracted).Concat(freeB).Select(c => sb.IndexOf(c))]).Reshape(nb, k, n);
        string layout = new([.. batch, .. freeA, .. freeB]);
        long[] shape = [.. layout.Select(c => sa.Contains(c) ? a.Grid.Shape[sa.IndexOf(c)] : b.Grid.Shape[sb.IndexOf(c)])];
        var product = a3.MatMul(b3).Reshape(shape);
        return output.Length == 0 ? product : product.Transpose([.. output.Select(c => layout.IndexOf(c))]);
    }

    private static DistArray<T> EinsumOne<T>(string input, string output, DistArray<T> x) where T : unmanaged, INumber<T>
    {
        if (input.Distinct().Count() != input.Length)
        {
            if (input.Length != 2 || input[0] != input[1])
                throw new NotSupportedException($"einsum '{input}->{output}': repeated letters only as a diagonal ('ii')");
            var diagonal = x.Diag();
            return output.Length == 0 ? diagonal.Sum([0]) : diagonal;
        }
        int[] summed = [.. Enumerable.Range(0, input.Length).Where(i => !output.Contains(input[i]))];
        var reduced = summed.Length == 0 ? x : x.Sum(summed);
        string rest = new([.. input.Where(output.Contains)]);
        return output.Length == 0 ? reduced : reduced.Transpose([.. output.Select(c => rest.IndexOf(c))]);
    }

    /// <summary>The operand with its letters that appear nowhere else summed out.</summary>
    private static (DistArray<T> Array, string Letters) SumAlone<T>(DistArray<T> x, string letters, string other, string output) where T : unmanaged, INumber<T>
    {
        int[] alone = [.. Enumerable.Range(0, letters.Length).Where(i => !other.Contains(letters[i]) && !output.Contains(letters[i]))];
        return alone.Length == 0 ? (x, letters) : (x.Sum(alone), new string([.. letters.Where((_, i) => !alone.Contains(i))]));
    }

    private static long Product<T>(IEnumerable<int> axes, DistArray<T> x) where T : unmanaged => axes.Aggregate(1L, (p, a) => p * x.Grid.Shape[a]);
}

/// <summary>Reads einsum subscripts: one letter per axis of each operand, and the output's letters.</summary>
internal static class EinsumParser
{
    /// <exception cref="ArgumentException">The subscripts do not match the operands' ranks.</exception>
    /// <exception cref="NotSupportedException">An ellipsis.</exception>
    public static (string[] Inputs, string Output) Parse(string subscripts, int[] ranks)
    {
        string text = subscripts.Replace(" ", "", StringComparison.Ordinal);
        if (text.Contains("...", StringComparison.Ordinal))
            throw new NotSupportedException($"einsum '{subscripts}': ellipses are not supported");
        string[] sides = text.Split("->");
        string[] inputs = sides[0].Split(',');
        if (inputs.Length != ranks.Length)
            throw new ArgumentException($"einsum '{subscripts}' names {inputs.Length} operands, {ranks.Length} given", nameof(subscripts));
        for (int i = 0; i < inputs.Length; i++)
        {
            if (inputs[i].Length != ranks[i] || !inputs[i].All(char.IsAsciiLetter))
                throw new ArgumentException($"einsum '{subscripts}': operand {i} has {ranks[i]} axes, the subscripts '{inputs[i]}' name {inputs[i].Length}", nameof(subscripts));
        }
        string output = sides.Length > 1
            ? sides[1]
            : new string([.. string.Concat(inputs).GroupBy(c => c).Where(g => g.Count() == 1).Select(g => g.Key).OrderBy(c => c)]);
        if (output.Any(c => !inputs.Any(s => s.Contains(c))) || output.Distinct().Count() != output.Length)
            throw new ArgumentException($"einsum '{subscripts}': output subscripts must appear once and in an operand", nameof(subscripts));
        return (inputs, output);
    }
}
