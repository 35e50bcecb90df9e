namespace LazyDist.Collections.Kernels.Reductions;

/// <summary>
/// How a block's elements (row-major) map to a reduction's output slots: the block's axes merged
/// into runs of consecutive kept or reduced axes (<see cref="Sizes"/>, <see cref="Reduced"/>);
/// the slots are the kept positions, row-major. For a reduction along one axis, positions along
/// it start at <see cref="AxisOffset"/>; for an arg reduction of the whole array,
/// <see cref="Locator"/> (block shape, block start and array shape) maps block-local flat
/// indices to the array's. Travels as one <c>long[]</c>.
/// </summary>
internal sealed record ReduceGeometry(long[] Sizes, bool[] Reduced, long AxisOffset = 0, long[]? Locator = null)
{
    public long Length => Sizes.Aggregate(1L, (p, s) => p * s);

    public int Slots => checked((int)Sizes.Where((_, g) => !Reduced[g]).Aggregate(1L, (p, s) => p * s));

    /// <summary>For a block of <paramref name="blockShape"/> reduced along <paramref name="reduced"/> (per axis).</summary>
    public static ReduceGeometry For(IReadOnlyList<int> blockShape, IReadOnlyList<bool> reduced, long axisOffset = 0, long[]? locator = null)
    {
        var sizes = new List<long>();
        var flags = new List<bool>();
        for (int axis = 0; axis < blockShape.Count; axis++)
        {
            if (blockShape[axis] == 1 && locator is null)
                continue;
            if (flags.Count > 0 && flags[^1] == reduced[axis])
                sizes[^1] *= blockShape[axis];
            else
            {
                sizes.Add(blockShape[axis]);
                flags.Add(reduced[axis]);
            }
        }
        if (sizes.Count == 0)
        {
            sizes.Add(1);
            flags.Add(false);
        }
        return new([.. sizes], [.. flags], axisOffset, locator);
    }

    /// <summary>
    /// For element <paramref name="p"/>: its slot, its position along the reduced axis (or, with a
    /// locator, <paramref name="p"/> itself), and how many elements from it share its run of the
    /// innermost merged axis.
    /// </summary>
    public void Locate(long p, out int slot, out long index, out long remaining)
    {
        long rest = p, slotStride = 1, s = 0, along = 0;
        remaining = 0;
        for (int g = Sizes.Length - 1; g >= 0; g--)
        {
            long c = rest % Sizes[g];
            rest /= Sizes[g];
            if (g == Sizes.Length - 1)
                remaining = Sizes[g] - c;
            if (Reduced[g])
                along = c;
            else
            {
                s += c * slotStride;
                slotStride *= Sizes[g];
            }
        }
        slot = (int)s;
        index = Locator is null ? AxisOffset + along : p;
    }

    public bool InnermostReduced => Reduced[^1];

    /// <summary>The flat index in the array of block-local flat index <paramref name="local"/> (with a locator).</summary>
    public long GlobalFlat(long local)
    {
        int k = Locator!.Length / 3;
        long flat = 0, stride = 1;
        for (int axis = k - 1; axis >= 0; axis--)
        {
            long i = local % Locator[axis];
            local /= Locator[axis];
            flat += (Locator[k + axis] + i) * stride;
            stride *= Locator[2 * k + axis];
        }
        return flat;
    }

    public long[] Encode() =>
        [Sizes.Length, .. Sizes, .. Reduced.Select(r => r ? 1L : 0L), AxisOffset, Locator?.Length ?? -1, .. Locator ?? []];

    /// <exception cref="ArgumentException">The numbers are not a geometry.</exception>
    public static ReduceGeometry Decode(long[] g)
    {
        int n = g.Length > 0 ? (int)g[0] : -1;
        if (n < 1 || g.Length < 2 * n + 3)
            throw new ArgumentException($"a reduction geometry of {g.Length} numbers is malformed", nameof(g));
        long locatorLength = g[2 * n + 2];
        if (g.Length != 2 * n + 3 + Math.Max(0, locatorLength))
            throw new ArgumentException($"a reduction geometry of {g.Length} numbers is malformed", nameof(g));
        return new(g[1..(n + 1)], [.. g[(n + 1)..(2 * n + 1)].Select(r => r != 0)], g[2 * n + 1], locatorLength < 0 ? null : g[(2 * n + 3)..]);
    }
}
