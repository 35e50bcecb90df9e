using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>Creates and reduces <see cref="DistArray{T}"/> values (dask.array).</summary>
public static partial class DistArray
{
    /// <summary>
    /// <paramref name="length"/> uniform [0, 1) doubles in chunks of <paramref name="chunkSize"/>.
    /// Chunk <c>i</c> is <c>Chunks.Random(length_i, Chunks.Seed(seed, i))</c>: its values depend on
    /// the seed and the chunk index only, never on the scheduler or the worker that makes it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative or <paramref name="chunkSize"/> not positive.</exception>
    public static DistArray<double> Random(long length, int chunkSize, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
        if ((length + chunkSize - 1) / chunkSize > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, $"{length} elements in chunks of {chunkSize} make more than {int.MaxValue} chunks");
        var op = ArrayOperations.Random;
        string name = $"random-{Tokenizer.Token("random", length, chunkSize, seed)}";
        DistArray<double>? array = null;
        array = new DistArray<double>(name, length, chunkSize,
            i => new TaskNode(op, array!.ChunkLength(i), Chunks.Seed(seed, i)), []);
        return array;
    }
}
