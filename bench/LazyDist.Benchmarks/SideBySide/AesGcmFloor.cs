using System.Security.Cryptography;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// The least CPU any TLS can spend on the 8 MB transfer here: AES-128-GCM (the suite the wire offers
/// first) sealing the bytes in records of 16 KB, as TLS 1.3 does, and opening them again, in this
/// process on one core, with no copies, system calls or record framing around it. Medians of
/// <see cref="Rounds"/> rounds, each timed by this process's CPU time.
/// </summary>
internal static class AesGcmFloor
{
    private const int Record = 16 * 1024;
    private const int TagBytes = 16;
    private const int Rounds = 15;

    /// <summary>CPU milliseconds to seal <paramref name="bytes"/> bytes, and to open them.</summary>
    public static (double SealMs, double OpenMs) Measure(int bytes)
    {
        using var aes = new AesGcm(RandomNumberGenerator.GetBytes(16), TagBytes);
        var plain = new byte[bytes];
        new Random(42).NextBytes(plain);
        var sealedBytes = new byte[bytes];
        var tags = new byte[(bytes + Record - 1) / Record * TagBytes];
        var opened = new byte[bytes];
        var nonce = new byte[12];
        var seal = new List<double>();
        var open = new List<double>();
        for (int round = 0; round <= Rounds; round++) // round 0 warms up
        {
            var start = Environment.CpuUsage.TotalTime;
            for (int at = 0, record = 0; at < bytes; at += Record, record++)
            {
                int n = Math.Min(Record, bytes - at);
                BitConverter.TryWriteBytes(nonce, (long)record);
                aes.Encrypt(nonce, plain.AsSpan(at, n), sealedBytes.AsSpan(at, n), tags.AsSpan(record * TagBytes, TagBytes));
            }
            var sealedAt = Environment.CpuUsage.TotalTime;
            for (int at = 0, record = 0; at < bytes; at += Record, record++)
            {
                int n = Math.Min(Record, bytes - at);
                BitConverter.TryWriteBytes(nonce, (long)record);
                aes.Decrypt(nonce, sealedBytes.AsSpan(at, n), tags.AsSpan(record * TagBytes, TagBytes), opened.AsSpan(at, n));
            }
            var openedAt = Environment.CpuUsage.TotalTime;
            if (round == 0)
            {
                if (!opened.AsSpan().SequenceEqual(plain))
                    throw new InvalidOperationException("AES-GCM opened other bytes than it sealed");
                continue;
            }
            seal.Add((sealedAt - start).TotalMilliseconds);
            open.Add((openedAt - sealedAt).TotalMilliseconds);
        }
        return (Fields.Median(seal), Fields.Median(open));
    }
}
