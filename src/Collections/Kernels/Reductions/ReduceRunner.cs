using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LazyDist.Collections.Kernels.Reductions;

/// <summary>A reduction's steps for one element type, behind one virtual call per task.</summary>
internal interface IReduceRunner
{
    /// <summary>The partial state of one block: the program's tiles folded into the geometry's slots.</summary>
    byte[] Reduce(TileProgram program, ReduceGeometry geometry);

    /// <summary>A state of <paramref name="slots"/> slots that have seen nothing.</summary>
    byte[] Identity(int slots);

    /// <summary>Folds <paramref name="later"/> into <paramref name="into"/>.</summary>
    void Merge(byte[] into, byte[] later);

    /// <summary>The result: an array of one value per slot, or the single value when <paramref name="scalar"/>.</summary>
    object Finish(byte[] state, ReducerSpec spec, bool scalar);
}

/// <summary>
/// The one generic loop of every reduction: evaluates the block program tile by tile and hands
/// each run of the innermost merged axis to <typeparamref name="TReducer"/> — as a contiguous run
/// into one slot when that axis is reduced, as a row of one element per slot when it is kept.
/// Tiles, runs and merges happen in the array's order, so a reduction has the same bits on every
/// scheduler.
/// </summary>
internal sealed class ReduceRunner<T, TState, TReducer>(DType input) : IReduceRunner
    where T : unmanaged
    where TState : unmanaged
    where TReducer : IReducer<TReducer, T, TState>
{
    public byte[] Identity(int slots)
    {
        var bytes = new byte[slots * Unsafe.SizeOf<TState>()];
        MemoryMarshal.Cast<byte, TState>(bytes.AsSpan()).Fill(TReducer.Identity);
        return bytes;
    }

    public byte[] Reduce(TileProgram program, ReduceGeometry geometry)
    {
        var bytes = Identity(geometry.Slots);
        var states = MemoryMarshal.Cast<byte, TState>(bytes.AsSpan());
        long n = geometry.Length;
        program.Expect(checked((int)n));
        bool runs = geometry.InnermostReduced;
        for (long start = 0; start < n; start += TileProgram.TileSize)
        {
            int length = (int)Math.Min(TileProgram.TileSize, n - start);
            var tile = program.Evaluate(start, length).Span<T>(length);
            for (int offset = 0; offset < length;)
            {
                geometry.Locate(start + offset, out int slot, out long index, out long remaining);
                int segment = (int)Math.Min(length - offset, remaining);
                if (runs)
                    TReducer.Run(ref states[slot], tile.Slice(offset, segment), index);
                else
                    TReducer.Row(states.Slice(slot, segment), tile.Slice(offset, segment), index);
                offset += segment;
            }
        }
        if (geometry.Locator is not null)
        {
            for (int i = 0; i < states.Length; i++)
                TReducer.Relocate(ref states[i], geometry.GlobalFlat);
        }
        return bytes;
    }

    public void Merge(byte[] into, byte[] later)
    {
        var a = MemoryMarshal.Cast<byte, TState>(into.AsSpan());
        var b = MemoryMarshal.Cast<byte, TState>(later.AsSpan());
        if (a.Length != b.Length)
            throw new InvalidOperationException($"partial states of {a.Length} and {b.Length} slots cannot be merged");
        for (int i = 0; i < a.Length; i++)
            TReducer.Merge(ref a[i], in b[i]);
    }

    public object Finish(byte[] state, ReducerSpec spec, bool scalar)
    {
        var result = TReducer.Finish(MemoryMarshal.Cast<byte, TState>(state.AsSpan()), spec, input);
        return scalar ? result.GetValue(0)! : result;
    }
}
