using System.Buffers;
using System.Runtime.InteropServices;
using LazyDist.Graph;
using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// Turns task results into payload frames and back: numeric arrays as their raw bytes, small
/// values (numbers, strings, lists of those) as tagged MessagePack, values of user types (records,
/// tuples, lists of those) by the code codec, read later as <see cref="CodedValue"/>. A value that
/// cannot travel says so, by its type and the part that cannot, when a worker first holds it.
/// </summary>
internal static class ValueCodec
{
    public static (ValueKind Kind, Payload Payload) Encode(object? value) => value switch
    {
        double[] a => (ValueKind.Doubles, new Payload(a)),
        float[] a => (ValueKind.Floats, new Payload(a)),
        // Exact types first: the runtime lets a uint[] pass a test for int[], ulong[] for long[] and bool[] for byte[].
        bool[] a when a.GetType() == typeof(bool[]) => (ValueKind.Bools, new Payload(a)),
        uint[] a when a.GetType() == typeof(uint[]) => (ValueKind.UInts, new Payload(a)),
        ulong[] a when a.GetType() == typeof(ulong[]) => (ValueKind.ULongs, new Payload(a)),
        int[] a => (ValueKind.Ints, new Payload(a)),
        long[] a => (ValueKind.Longs, new Payload(a)),
        byte[] a when a.GetType() == typeof(byte[]) => (ValueKind.Bytes, new Payload(a)),
        short[] a => (ValueKind.Shorts, new Payload(a)),
        CodedValue c => (ValueKind.Code, new Payload(c.Bytes)),
        Graph.Blocks.ElementBlock b => (ValueKind.Block, new Payload(b.Encode())),
        _ => PackOrCode(value),
    };

    /// <summary>The value a received payload holds: the array itself when it arrived as the element type its kind names.</summary>
    /// <exception cref="WireProtocolException">The payload does not fit its kind.</exception>
    public static object? Decode(ValueKind kind, Payload payload) => (kind, payload.Array) switch
    {
        (ValueKind.Doubles, double[] a) => a,
        (ValueKind.Floats, float[] a) => a,
        (ValueKind.Ints, int[] a) => a,
        (ValueKind.Longs, long[] a) => a,
        _ => Decode(kind, payload.ToByteArray()),
    };

    public static object? Decode(ValueKind kind, byte[] payload) => kind switch
    {
        ValueKind.Doubles => Cast<double>(payload),
        ValueKind.Floats => Cast<float>(payload),
        ValueKind.Ints => Cast<int>(payload),
        ValueKind.Longs => Cast<long>(payload),
        ValueKind.Bytes => payload,
        ValueKind.Bools => Cast<bool>(payload),
        ValueKind.Shorts => Cast<short>(payload),
        ValueKind.UInts => Cast<uint>(payload),
        ValueKind.ULongs => Cast<ulong>(payload),
        ValueKind.Packed => Unpack(payload),
        ValueKind.Code => new CodedValue(payload),
        ValueKind.Block => Graph.Blocks.ElementBlock.FromWire(payload),
        _ => throw new WireProtocolException($"unknown value kind {(byte)kind}"),
    };

    /// <summary>Throws when <paramref name="value"/> cannot travel, naming its type.</summary>
    /// <exception cref="NotSupportedException">The value's type has no wire form.</exception>
    public static void EnsureEncodable(object? value)
    {
        if (value is double[] or float[] or int[] or long[] or byte[] or bool[] or short[] or uint[] or ulong[] or CodedValue)
            return;
        if (value is Graph.Blocks.ElementBlock block) { block.EnsureEncodable(); return; }
        _ = PackOrCode(value);
    }

    /// <summary>The size of a value for placement: an array's bytes (more than 2 GB too), 8 for anything else small.</summary>
    public static long SizeOf(object? value) => SizeOf(value, 0);

    /// <summary>The bytes <paramref name="value"/> takes on the wire, encoding it when it is not an array.</summary>
    /// <exception cref="NotSupportedException">The value's type has no wire form.</exception>
    public static long EncodedSize(object? value) => value switch
    {
        double[] or float[] or int[] or long[] or byte[] or bool[] or short[] or uint[] or ulong[] => SizeOf(value),
        CodedValue c => c.Bytes.Length,
        Graph.Blocks.ElementBlock b => EncodableBlockSize(b),
        null or bool or int or long or ulong or double or float => PackedScalarSize(value),
        _ => PackOrCode(value).Item2.Length,
    };

    // A tiny task's scalar result is measured, not encoded (the encoding would be thrown away): its
    // [tag, value] pair is two header bytes and MessagePack's shortest form of the value.
    private static int PackedScalarSize(object? value) => 2 + value switch
    {
        null or bool => 1,
        int i => PackedIntegerSize(i),
        long l => PackedIntegerSize(l),
        ulong u => u <= long.MaxValue ? PackedIntegerSize((long)u) : 9,
        double => 9,
        _ => 5, // float
    };

    private static int PackedIntegerSize(long value) => value switch
    {
        >= -32 and <= 127 => 1,
        >= sbyte.MinValue and <= byte.MaxValue => 2,
        >= short.MinValue and <= ushort.MaxValue => 3,
        >= int.MinValue and <= uint.MaxValue => 5,
        _ => 9,
    };

    // A partition's block is encoded only when it travels: here it is checked, and its size estimated.
    private static long EncodableBlockSize(Graph.Blocks.ElementBlock block)
    {
        block.EnsureEncodable();
        return block.EstimatedBytes;
    }

    private static long SizeOf(object? value, int depth) => value switch
    {
        Array a when a.GetType().GetElementType()!.IsPrimitive => a.LongLength * PayloadElements.SizeOf(a.GetType().GetElementType()!),
        object?[] list when depth < ReadDepth.Max => 8L * list.Length + list.Sum(item => SizeOf(item, depth + 1)),
        object?[] list => 8L * list.Length,
        string s => s.Length * 2L,
        CodedValue c => c.Bytes.Length,
        Graph.Blocks.ElementBlock b => b.EstimatedBytes,
        _ => 8,
    };

    private static (ValueKind, Payload) PackOrCode(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>(32);
        var writer = new MessagePackWriter(buffer);
        try
        {
            LiteralCodec.Write(ref writer, value);
        }
        catch (NotSupportedException)
        {
            try
            {
                return (ValueKind.Code, new Payload(CodeValues.Write(value)));
            }
            catch (NotSupportedException e)
            {
                throw new NotSupportedException($"a value of type {value?.GetType().FullName} cannot be sent between processes: {e.Message}", e);
            }
        }
        writer.Flush();
        return (ValueKind.Packed, new Payload(buffer.WrittenSpan.ToArray()));
    }

    private static object? Unpack(byte[] payload)
    {
        try
        {
            var reader = new MessagePackReader(payload);
            return LiteralCodec.Read(ref reader);
        }
        catch (Exception e) when (e is MessagePackSerializationException or FormatException or EndOfStreamException)
        {
            throw new WireProtocolException($"an unreadable value payload: {e.Message}", e);
        }
    }

    private static T[] Cast<T>(byte[] payload) where T : unmanaged
    {
        int size = PrimitiveSize.Of<T>();
        if (payload.Length % size != 0)
            throw new WireProtocolException($"{payload.Length} bytes is not a whole number of {typeof(T).Name} values");
        var values = GC.AllocateUninitializedArray<T>(payload.Length / size);
        payload.CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
