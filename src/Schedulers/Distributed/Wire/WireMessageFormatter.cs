using System.Reflection;
using MessagePack;
using MessagePack.Formatters;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// Writes a <see cref="WireMessage"/> as <c>[kind, body]</c>, the kinds taken from the
/// <see cref="UnionAttribute"/>s on <see cref="WireMessage"/> (MessagePack's own union resolver
/// cannot build formatters for internal types). An unknown kind is a protocol error.
/// </summary>
internal sealed class WireMessageFormatter : IMessagePackFormatter<WireMessage?>
{
    private delegate void Writer(ref MessagePackWriter writer, WireMessage message, MessagePackSerializerOptions options);

    private delegate WireMessage Reader(ref MessagePackReader reader, MessagePackSerializerOptions options);

    private static readonly Dictionary<Type, (int Kind, Writer Write)> Writers = [];
    private static readonly Dictionary<int, Reader> Readers = [];

    static WireMessageFormatter()
    {
        foreach (var union in typeof(WireMessage).GetCustomAttributes<UnionAttribute>())
        {
            var bind = typeof(WireMessageFormatter).GetMethod(nameof(Bind), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(union.SubType);
            var (write, read) = ((Writer, Reader))bind.Invoke(null, null)!;
            Writers[union.SubType] = (union.Key, write);
            Readers[union.Key] = read;
        }
    }

    public static WireMessageFormatter Instance { get; } = new();

    public void Serialize(ref MessagePackWriter writer, WireMessage? value, MessagePackSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!Writers.TryGetValue(value.GetType(), out var entry))
            throw new MessagePackSerializationException($"{value.GetType().Name} has no [Union] kind on WireMessage");
        writer.WriteArrayHeader(2);
        writer.Write(entry.Kind);
        entry.Write(ref writer, value, options);
    }

    public WireMessage? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.ReadArrayHeader() != 2)
            throw new MessagePackSerializationException("a message must be a [kind, body] pair");
        int kind = reader.ReadInt32();
        if (!Readers.TryGetValue(kind, out var read))
            throw new MessagePackSerializationException($"unknown message kind {kind}");
        options.Security.DepthStep(ref reader);
        try
        {
            return read(ref reader, options);
        }
        finally
        {
            reader.Depth--;
        }
    }

    private static (Writer, Reader) Bind<T>() where T : WireMessage => (
        (ref MessagePackWriter writer, WireMessage message, MessagePackSerializerOptions options) =>
            options.Resolver.GetFormatterWithVerify<T>().Serialize(ref writer, (T)message, options),
        (ref MessagePackReader reader, MessagePackSerializerOptions options) =>
            options.Resolver.GetFormatterWithVerify<T>().Deserialize(ref reader, options)
                ?? throw new MessagePackSerializationException($"a nil {typeof(T).Name}"));
}
