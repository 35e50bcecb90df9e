using System.Buffers;
using System.Reflection;
using MessagePack;

namespace LazyDist.Graph;

/// <summary>
/// A user operation as bytes: its function (a <c>Func</c> of up to four arguments) written by
/// <see cref="CaptureCodec"/> — the method by assembly hash, type, name and signature, and the
/// target's captured fields — and read back into an operation that calls the same code.
/// </summary>
internal static class UserOpCodec
{
    /// <summary>The operation's bytes and the user assemblies they name.</summary>
    public static UserOpImage Write(OpRef op)
    {
        var code = op.Source ?? throw new NotSupportedException($"the operation {op.Name} has no function to send");
        if (!Invokers.CanRebuild(code.GetType()))
            throw new NotSupportedException($"the function {op.Name} is a {code.GetType().Name}; only Func delegates of up to four arguments travel");
        var context = new CodeWriteContext();
        var buffer = new ArrayBufferWriter<byte>(128);
        var writer = new MessagePackWriter(buffer);
        try
        {
            CaptureCodec.Write(ref writer, code, context, path: "");
        }
        catch (NotSupportedException e)
        {
            throw new NotSupportedException($"the function {op.Name} in {(code.Method.DeclaringType is { } type ? CodeNames.Type(type) : "?")} cannot travel: {e.Message}", e);
        }
        writer.Flush();
        return new UserOpImage(buffer.WrittenSpan.ToArray(), [.. context.Assemblies]);
    }

    /// <summary>The operation written as <paramref name="blob"/>.</summary>
    public static OpRef Read(CodeReadContext context, ReadOnlyMemory<byte> blob)
    {
        var reader = new MessagePackReader(blob);
        var bindings = new List<LazyBinding>();
        if (CaptureCodec.Read(ref reader, context, bindings) is not Delegate code)
            throw new FormatException("a user operation is not a function");
        return OpRef.FromCode(code, Invokers.Rebuild(code), bindings);
    }
}

/// <summary>A user operation as bytes, and the user assemblies that must travel with it.</summary>
/// <param name="Blob">The method reference and its captured fields, encoded.</param>
/// <param name="Assemblies">The user assemblies they name.</param>
internal sealed record UserOpImage(byte[] Blob, IReadOnlyList<Assembly> Assemblies);
