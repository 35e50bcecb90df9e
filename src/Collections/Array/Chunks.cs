using LazyDist.Collections.Kernels;
using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// The chunk kernels behind <see cref="DistArray"/>, callable on their own: from user code, through
/// <see cref="Delayed.Call{T1, T2, TResult}(Func{T1, T2, TResult}, Delayed{T1}, Delayed{T2}, bool, LazyDist.Graph.TaskKey?)"/>
/// and in hand-built graphs (<c>TaskNode.Call</c>), where they are recorded as built-in operations.
/// </summary>
public static class Chunks
{
    /// <summary>The seed of chunk <paramref name="chunkIndex"/> of an array made with <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunkIndex"/> is negative.</exception>
    public static ulong Seed(ulong seed, long chunkIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chunkIndex);
        return SplitMix64.Mix(SplitMix64.Mix(seed) ^ SplitMix64.Mix((ulong)chunkIndex + 0x5851_F42D_4C95_7F2DUL));
    }

    /// <summary><paramref name="length"/> uniform [0, 1) doubles from the stream of <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public static double[] Random(int length, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var chunk = ChunkPool.Rent<double>(length);
        Xoshiro256PlusX8.Fill(chunk, seed);
        return chunk;
    }

    /// <summary>Fills <paramref name="destination"/> with the stream of <paramref name="seed"/>.</summary>
    public static void Random(Span<double> destination, ulong seed) => Xoshiro256PlusX8.Fill(destination, seed);

    /// <summary>
    /// The sum of <paramref name="chunk"/>, vectorized in eight lanes whose order of additions is
    /// fixed for a given length on every machine and in every process.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="chunk"/> is null.</exception>
    public static double Sum(double[] chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return Kernels.Reductions.EightLanes.Sum(chunk);
    }
}
