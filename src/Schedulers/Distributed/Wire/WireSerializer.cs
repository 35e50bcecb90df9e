using System.Buffers;
using MessagePack;
using MessagePack.Resolvers;

namespace LazyDist.Distributed.Wire;

/// <summary>MessagePack options for headers: internal record types, and the untrusted-data guard (no deep nesting tricks).</summary>
internal static class WireSerializer
{
    public static MessagePackSerializerOptions Options { get; } = MessagePackSerializerOptions.Standard
        .WithResolver(CompositeResolver.Create([WireMessageFormatter.Instance], [StandardResolverAllowPrivate.Instance]))
        .WithSecurity(MessagePackSecurity.UntrustedData);

    public static byte[] Serialize(WireMessage message) => MessagePackSerializer.Serialize(message, Options);

    /// <summary>Writes <paramref name="message"/> into <paramref name="into"/> (a reused buffer: no array per message).</summary>
    public static void Serialize(IBufferWriter<byte> into, WireMessage message) => MessagePackSerializer.Serialize(into, message, Options);

    /// <summary>
    /// Builds (and compiles) the formatter of every message kind now, by a round trip of an empty
    /// instance of each, so the first messages of a run do not pay for MessagePack's code generation.
    /// </summary>
    public static void WarmUp()
    {
        foreach (var union in typeof(WireMessage).GetCustomAttributes(typeof(UnionAttribute), false).Cast<UnionAttribute>())
        {
            var empty = (WireMessage)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(union.SubType);
            try
            {
                _ = Deserialize(Serialize(empty));
            }
            catch (Exception e) when (e is WireProtocolException or MessagePackSerializationException)
            {
                // An empty instance may not read back; its formatters are built all the same.
            }
        }
    }

    public static WireMessage Deserialize(ReadOnlyMemory<byte> bytes) => Deserialize(new ReadOnlySequence<byte>(bytes));

    /// <summary>Reads a header that arrived in parts.</summary>
    /// <exception cref="WireProtocolException">The bytes are not a known message.</exception>
    public static WireMessage Deserialize(ReadOnlySequence<byte> bytes)
    {
        try
        {
            return MessagePackSerializer.Deserialize<WireMessage>(bytes, Options)
                ?? throw new WireProtocolException("a message header was nil");
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException or InvalidOperationException or OverflowException)
        {
            var inner = e;
            while (inner.InnerException is not null)
                inner = inner.InnerException;
            throw new WireProtocolException($"an unreadable or unknown message header: {inner.Message}", e);
        }
    }
}
