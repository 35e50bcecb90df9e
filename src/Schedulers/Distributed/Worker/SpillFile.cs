using System.Runtime.InteropServices;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>
/// One spilled value on disk: its kind and element type in two bytes, then its raw payload bytes,
/// exactly what the wire sends (<see cref="ValueCodec"/>), so a numeric chunk is written and read
/// straight from and into its array, with no copy and no 2 GB ceiling.
/// </summary>
internal static class SpillFile
{
    private const int HeaderBytes = 2;

    /// <summary>Writes <paramref name="value"/> to a new file at <paramref name="path"/>; returns the bytes written.</summary>
    /// <exception cref="NotSupportedException">The value has no wire form.</exception>
    /// <exception cref="IOException">The disk refused.</exception>
    public static long Write(string path, object? value)
    {
        var (kind, payload) = ValueCodec.Encode(value);
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        file.SetLength(HeaderBytes + payload.Length);
        file.Write([(byte)kind, (byte)payload.Element]);
        payload.WriteTo(file);
        return HeaderBytes + payload.Length;
    }

    /// <summary>Reads the value written to <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file is gone, short or unreadable.</exception>
    public static object? Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        Span<byte> header = stackalloc byte[HeaderBytes];
        file.ReadExactly(header);
        var kind = (ValueKind)header[0];
        var element = (PayloadElement)header[1];
        long length = file.Length - HeaderBytes;
        int size = PayloadElements.SizeOf(element);
        if (!Enum.IsDefined(element) || length % size != 0 || length / size > Array.MaxLength)
            throw new IOException($"the spill file {path} is damaged: {length} bytes of {element}");
        int count = (int)(length / size);
        Array array = element switch
        {
            PayloadElement.Doubles => ChunkPool.Rent<double>(count),
            PayloadElement.Floats => ChunkPool.Rent<float>(count),
            PayloadElement.Ints => ChunkPool.Rent<int>(count),
            PayloadElement.Longs => ChunkPool.Rent<long>(count),
            _ => GC.AllocateUninitializedArray<byte>(count),
        };
        ReadInto(file, array, length);
        return ValueCodec.Decode(kind, new Payload(array));
    }

    /// <summary>Reads <paramref name="length"/> bytes into the array's own memory, at most <see cref="Payload.PartBytes"/> at a time.</summary>
    private static void ReadInto(FileStream file, Array array, long length)
    {
        ref byte start = ref MemoryMarshal.GetArrayDataReference(array);
        for (long done = 0; done < length;)
        {
            int n = (int)Math.Min(length - done, Payload.PartBytes);
            file.ReadExactly(MemoryMarshal.CreateSpan(ref System.Runtime.CompilerServices.Unsafe.Add(ref start, (nint)done), n));
            done += n;
        }
    }
}
