using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using LazyDist.Distributed.Wire;

namespace LazyDist.Schedulers.Tests.Distributed.Security;

/// <summary>A socket that speaks the wire by hand, to send what no well-behaved peer sends.</summary>
internal sealed class RawPeer : IDisposable
{
    private readonly Socket _socket;

    private RawPeer(Socket socket) => _socket = socket;

    public static async Task<RawPeer> ConnectAsync(string address)
    {
        var (host, port) = Endpoints.Parse(address);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Parse(host), port);
        return new RawPeer(socket);
    }

    /// <summary>A hello as a well-behaved peer of <paramref name="role"/> sends it.</summary>
    public static HelloMessage Hello(string token, PeerRole role = PeerRole.Client, string name = "raw", string? data = null, int threads = 0, int version = Handshake.ProtocolVersion) =>
        new(version, token, role, name, data, threads);

    /// <summary>The bytes of <paramref name="message"/> as one frame, followed by <paramref name="payloads"/> as byte payloads.</summary>
    public static byte[] Frame(WireMessage message, params byte[][] payloads) => Frame(WireSerializer.Serialize(message), payloads);

    /// <summary><paramref name="header"/> (any bytes) as one frame.</summary>
    public static byte[] Frame(byte[] header, params byte[][] payloads)
    {
        using var frame = new MemoryStream();
        frame.Write(Prefix((uint)header.Length, (uint)payloads.Length));
        frame.Write(header);
        foreach (var payload in payloads)
        {
            var length = new byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)payload.Length);
            frame.Write(length);
            frame.Write(payload);
        }
        return frame.ToArray();
    }

    /// <summary>A frame's first eight bytes: what it claims to hold.</summary>
    public static byte[] Prefix(uint headerLength, uint payloadCount)
    {
        var prefix = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(prefix, headerLength);
        BinaryPrimitives.WriteUInt32LittleEndian(prefix.AsSpan(4), payloadCount);
        return prefix;
    }

    public async Task SendAsync(byte[] bytes)
    {
        try
        {
            await _socket.SendAsync(bytes);
        }
        catch (SocketException)
        {
            // The other side closed already: what a test usually checks next.
        }
    }

    /// <summary>Says this side will send no more (the other side reads the end of the stream).</summary>
    public void ShutdownSend()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // Closed by the other side already.
        }
    }

    /// <summary>Reads until the other side closes (or resets) the connection; everything it sent first.</summary>
    public async Task<byte[]> ReadUntilClosedAsync(TimeSpan bound)
    {
        using var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            while (true)
            {
                int read = await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                if (read == 0)
                    break;
                received.Write(buffer, 0, read);
            }
        }
        catch (SocketException)
        {
            // Reset: closed with our bytes unread.
        }
        catch (OperationCanceledException e)
        {
            throw new TimeoutException($"the connection stayed open for {bound.TotalSeconds:F0} s", e);
        }
        return received.ToArray();
    }

    /// <summary>Reads one frame's header (payloads are read and dropped).</summary>
    public async Task<WireMessage> ReceiveAsync(TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        var prefix = await ReadExactlyAsync(8, timeout.Token);
        int headerLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(prefix);
        int payloads = (int)BinaryPrimitives.ReadUInt32LittleEndian(prefix.AsSpan(4));
        var header = await ReadExactlyAsync(headerLength, timeout.Token);
        for (int i = 0; i < payloads; i++)
        {
            var length = await ReadExactlyAsync(8, timeout.Token);
            _ = await ReadExactlyAsync((int)BinaryPrimitives.ReadUInt64LittleEndian(length), timeout.Token);
        }
        return WireSerializer.Deserialize(header);
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        var bytes = new byte[count];
        int done = 0;
        while (done < count)
        {
            int read = await _socket.ReceiveAsync(bytes.AsMemory(done), SocketFlags.None, cancellationToken);
            if (read == 0)
                throw new EndOfStreamException($"closed after {done} of {count} bytes");
            done += read;
        }
        return bytes;
    }

    public void Dispose() => _socket.Dispose();
}
