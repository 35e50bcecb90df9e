using System.Buffers;
using System.Runtime.InteropServices;
using MessagePack;

namespace LazyDist.Graph;

/// <summary>
/// Writes and reads literal values with an explicit type tag (never a typeless resolver):
/// primitives, strings and primitive arrays, the arrays as their raw little-endian bytes; with a
/// code context, any other value that <see cref="CaptureCodec"/> can write (records, tuples, lists).
/// </summary>
internal static class LiteralCodec
{
    private enum Tag : byte
    {
        Null, Bool, Int, Long, ULong, Double, Float, String, DoubleArray, FloatArray, IntArray, LongArray, ByteArray, List, Code,
        BoolArray, ShortArray, UIntArray, ULongArray,
    }

    public static void Write(ref MessagePackWriter writer, object? value, CodeWriteContext? code = null) => Write(ref writer, value, code, 0);

    private static void Write(ref MessagePackWriter writer, object? value, CodeWriteContext? code, int depth)
    {
        if (depth >= ReadDepth.Max)
            throw new NotSupportedException($"a literal of lists nested more than {ReadDepth.Max} deep cannot be serialized: no reader would accept it");
        writer.WriteArrayHeader(2);
        switch (value)
        {
            case null: writer.Write((byte)Tag.Null); writer.WriteNil(); break;
            case bool b: writer.Write((byte)Tag.Bool); writer.Write(b); break;
            case int i: writer.Write((byte)Tag.Int); writer.Write(i); break;
            case long l: writer.Write((byte)Tag.Long); writer.Write(l); break;
            case ulong u: writer.Write((byte)Tag.ULong); writer.Write(u); break;
            case double d: writer.Write((byte)Tag.Double); writer.Write(d); break;
            case float f: writer.Write((byte)Tag.Float); writer.Write(f); break;
            case string s: writer.Write((byte)Tag.String); writer.Write(s); break;
            case double[] a: writer.Write((byte)Tag.DoubleArray); writer.Write(MemoryMarshal.AsBytes(a.AsSpan())); break;
            case float[] a: writer.Write((byte)Tag.FloatArray); writer.Write(MemoryMarshal.AsBytes(a.AsSpan())); break;
            // Exact types first: the runtime lets a uint[] pass a test for int[], ulong[] for long[] and bool[] for byte[].
            case bool[] a when a.GetType() == typeof(bool[]): writer.Write((byte)Tag.BoolArray); writer.Write(MemoryMarshal.AsBytes(a.AsSpan())); break;
            case uint[] a when a.GetType() == typeof(uint[]): writer.Write((byte)Tag.UIntArray); writer.Write(MemoryMarshal.AsBytes(a.AsSpan())); break;
            case ulong[] a when a.GetType() == typeof(ulong[]): writer.Write((byte)Tag.ULongArray); writer.Write(MemoryMarshal.AsBytes(a.AsSpan())); break;
            case int[] a: writer.Write((byte)Tag.IntArray); writer.Write(MemoryMarshal.AsBytes(a.AsSpan())); break;
            case long[] a: writer.Write((byte)Tag.LongArray); writer.Write(MemoryMarshal.AsBytes(a.AsSpan())); break;
            case byte[] a: writer.Write((byte)Tag.ByteArray); writer.Write(a); break;
            case short[] a: writer.Write((byte)Tag.ShortArray); writer.Write(MemoryMarshal.AsBytes(a.AsSpan())); break;
            case object?[] items:
                writer.Write((byte)Tag.List);
                writer.WriteArrayHeader(items.Length);
                foreach (var item in items)
                    Write(ref writer, item, code, depth + 1);
                break;
            case not null when code is not null:
                writer.Write((byte)Tag.Code);
                try
                {
                    CaptureCodec.Write(ref writer, value, code, path: "");
                }
                catch (NotSupportedException e)
                {
                    throw new NotSupportedException($"a literal of type {value.GetType().FullName} cannot be serialized: {e.Message}", e);
                }
                break;
            default:
                throw new NotSupportedException(
                    $"a literal of type {value.GetType().FullName} cannot be serialized; " +
                    "literals may be numbers, bools, strings, arrays of numbers and object?[] lists of those");
        }
    }

    public static object? Read(ref MessagePackReader reader, CodeReadContext? code = null)
    {
        ReadDepth.Enter(ref reader, "literal values are");
        var value = ReadTagged(ref reader, code);
        ReadDepth.Leave(ref reader);
        return value;
    }

    private static object? ReadTagged(ref MessagePackReader reader, CodeReadContext? code)
    {
        if (reader.ReadArrayHeader() != 2)
            throw new FormatException("a literal must be a [tag, value] pair");
        var tag = (Tag)reader.ReadByte();
        return tag switch
        {
            Tag.Null => ReadNil(ref reader),
            Tag.Bool => reader.ReadBoolean(),
            Tag.Int => reader.ReadInt32(),
            Tag.Long => reader.ReadInt64(),
            Tag.ULong => reader.ReadUInt64(),
            Tag.Double => reader.ReadDouble(),
            Tag.Float => reader.ReadSingle(),
            Tag.String => reader.ReadString(),
            Tag.DoubleArray => ReadArray<double>(ref reader),
            Tag.FloatArray => ReadArray<float>(ref reader),
            Tag.IntArray => ReadArray<int>(ref reader),
            Tag.LongArray => ReadArray<long>(ref reader),
            Tag.ByteArray => ReadArray<byte>(ref reader),
            Tag.BoolArray => ReadArray<bool>(ref reader),
            Tag.ShortArray => ReadArray<short>(ref reader),
            Tag.UIntArray => ReadArray<uint>(ref reader),
            Tag.ULongArray => ReadArray<ulong>(ref reader),
            Tag.List => ReadList(ref reader, code),
            Tag.Code => CaptureCodec.Read(ref reader, code ?? CodeReadContext.For(null), []),
            _ => throw new FormatException($"unknown literal tag {(byte)tag}"),
        };
    }

    private static object?[] ReadList(ref MessagePackReader reader, CodeReadContext? code)
    {
        var items = new object?[reader.ReadArrayHeader()];
        for (int i = 0; i < items.Length; i++)
            items[i] = Read(ref reader, code);
        return items;
    }

    private static object? ReadNil(ref MessagePackReader reader)
    {
        reader.ReadNil();
        return null;
    }

    private static T[] ReadArray<T>(ref MessagePackReader reader) where T : unmanaged
    {
        var bytes = reader.ReadBytes() ?? throw new FormatException("an array literal has no bytes");
        if (bytes.Length % PrimitiveSize.Of<T>() != 0)
            throw new FormatException($"{bytes.Length} bytes is not a whole number of {typeof(T).Name} values");
        var array = new T[bytes.Length / PrimitiveSize.Of<T>()];
        bytes.CopyTo(MemoryMarshal.AsBytes(array.AsSpan()));
        return array;
    }
}
