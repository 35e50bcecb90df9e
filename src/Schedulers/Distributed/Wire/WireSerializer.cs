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

    public static WireMessage Deserialize(ReadOnlyMemory<byte> bytes)
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
