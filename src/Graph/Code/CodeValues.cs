using System.Buffers;
using MessagePack;

namespace LazyDist.Graph;

/// <summary>
/// Task results of user types (records, tuples, lists, ...) as bytes, by <see cref="CaptureCodec"/>,
/// for the wire: written where they were computed, read where their session's code can be resolved.
/// </summary>
internal static class CodeValues
{
    /// <exception cref="NotSupportedException">The value cannot travel; the message says which part and why.</exception>
    public static byte[] Write(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        var writer = new MessagePackWriter(buffer);
        CaptureCodec.Write(ref writer, value, new CodeWriteContext(), path: "");
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <param name="bytes">What <see cref="Write"/> wrote.</param>
    /// <param name="resolver">Finds user assemblies; those of this process by default.</param>
    public static object? Read(ReadOnlyMemory<byte> bytes, IAssemblyResolver? resolver)
    {
        var reader = new MessagePackReader(bytes);
        return CaptureCodec.Read(ref reader, CodeReadContext.For(resolver), []);
    }
}
