namespace LazyDist.Collections.Kernels;

/// <summary>SplitMix64: seeds generators and mixes (seed, chunk index) into a chunk's own seed.</summary>
internal static class SplitMix64
{
    /// <summary>Advances <paramref name="x"/> and returns the next output.</summary>
    public static ulong Next(ref ulong x)
    {
        x += 0x9E37_79B9_7F4A_7C15UL;
        return Mix(x);
    }

    /// <summary>The SplitMix64 finalizer: a bijection that spreads every input bit.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }
}
