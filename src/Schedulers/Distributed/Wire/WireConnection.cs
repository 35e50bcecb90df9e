using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using LazyDist.Graph;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// One TCP connection carrying messages. On the stream a message is
/// <c>u32 header length | u32 payload count | header | (u8 element type, u56 payload length | payload bytes)*</c>,
/// little-endian (see <see cref="PayloadElement"/>). Sends are queued and written by one loop that drains the queue before it
/// flushes, so bursts of small messages go out in few writes (batching). A frame beyond the
/// <see cref="Limits"/>, or a header that is not a known message, throws
/// <see cref="WireProtocolException"/> from <see cref="ReceiveAsync"/> before anything of its size
/// is allocated; the owner then closes this connection and nothing else.
/// </summary>
internal sealed class WireConnection : IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;
    private const int ReadPartBytes = 1 << 20;
    private const ulong LengthMask = (1UL << 56) - 1;
    private const int KeptHeaderBytes = 4 << 20;
    private readonly Stream _stream;
    private readonly BufferedStream _reader;
    private readonly BufferedStream _writer;
    private readonly Channel<Envelope> _outbox = Channel.CreateUnbounded<Envelope>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writeLoop;
    private readonly CancellationTokenSource _closing = new();
    private long _bytesSent;
    private long _bytesReceived;
    private long _bytesArriving;
    private int _disposed;

    public WireConnection(Stream stream, string remote, FrameLimits? limits = null)
    {
        _stream = stream;
        _reader = new BufferedStream(stream, BufferSize);
        _writer = new BufferedStream(stream, BufferSize);
        Limits = limits ?? FrameLimits.Handshake;
        Remote = remote;
        _writeLoop = Task.Run(WriteLoopAsync);
    }

    /// <summary>The owner's clock, on which <see cref="DisposeAsync"/> waits for the queue to drain; the system's unless the owner sets its own.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>The other end, for logs.</summary>
    public string Remote { get; }

    /// <summary>The largest frames <see cref="ReceiveAsync"/> accepts now: the handshake's until it is done (see <see cref="Handshake"/>).</summary>
    public FrameLimits Limits { get; set; }

    /// <summary>Payload bytes sent so far.</summary>
    public long PayloadBytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>Payload bytes received so far.</summary>
    public long PayloadBytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>Payload bytes read so far, counted part by part while a large payload arrives (how a reader tells a slow peer from a stalled one).</summary>
    public long PayloadBytesArriving => Interlocked.Read(ref _bytesArriving);

    /// <summary>Completes when the writer stops (the connection closed or failed).</summary>
    public Task Completion => _writeLoop;

    /// <summary>Opens a connection to <paramref name="endpoint"/> (<c>host:port</c>), with TLS when <paramref name="security"/> says so.</summary>
    /// <exception cref="SocketException">Nothing listens there.</exception>
    /// <exception cref="IOException">The TLS handshake failed; the message says why.</exception>
    public static async Task<WireConnection> ConnectAsync(string endpoint, CancellationToken cancellationToken, FrameLimits? limits = null, WireSecurity? security = null)
    {
        var (host, port) = Endpoints.Parse(endpoint);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream stream;
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
            if (security is not null)
                stream = await security.SecureClientAsync(stream, host, endpoint, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new WireConnection(stream, endpoint, limits);
    }

    /// <summary>Wraps an accepted socket (see <see cref="ConnectionGate"/> for the TLS side of accepting).</summary>
    public static WireConnection Accept(Socket socket, FrameLimits? limits = null) => new(Open(socket), RemoteOf(socket), limits);

    /// <summary>An accepted socket as a stream, without delay on small writes.</summary>
    internal static NetworkStream Open(Socket socket)
    {
        socket.NoDelay = true;
        return new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>The accepted peer's address, for logs.</summary>
    internal static string RemoteOf(Socket socket) => (socket.RemoteEndPoint as IPEndPoint)?.ToString() ?? "unknown";

    /// <summary>Queues a message; it is written in order with the others.</summary>
    public void Send(WireMessage header, params IReadOnlyList<Payload> payloads) => Send(new Envelope(header, payloads));

    /// <summary>Queues a message; its <see cref="Envelope.Written"/> callback runs once its bytes are out (or dropped).</summary>
    public void Send(Envelope envelope)
    {
        if (!_outbox.Writer.TryWrite(envelope))
            envelope.Written?.Invoke();
    }

    /// <summary>Reads the next message.</summary>
    /// <exception cref="WireProtocolException">The peer broke the protocol.</exception>
    /// <exception cref="EndOfStreamException">The peer closed the connection.</exception>
    /// <exception cref="IOException">The connection failed, or was closed on this side.</exception>
    public async ValueTask<Envelope> ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ReceiveFramesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NotSupportedException e) when (!_stream.CanRead)
        {
            throw new IOException("the connection was closed on this side", e); // a buffered reader over a disposed stream says "does not support reading"
        }
    }

    private async ValueTask<Envelope> ReceiveFramesAsync(CancellationToken cancellationToken)
    {
        var prefix = new byte[8];
        await _reader.ReadExactlyAsync(prefix, cancellationToken).ConfigureAwait(false);
        uint headerLength = BinaryPrimitives.ReadUInt32LittleEndian(prefix);
        uint payloadCount = BinaryPrimitives.ReadUInt32LittleEndian(prefix.AsSpan(4));
        var limits = Limits;
        if (headerLength == 0 || headerLength > limits.MaxHeaderBytes)
            throw new WireProtocolException($"a header of {headerLength} bytes is outside the limit of {limits.MaxHeaderBytes}");
        if (payloadCount > limits.MaxPayloads)
            throw new WireProtocolException($"{payloadCount} payload frames exceed the limit of {limits.MaxPayloads}");
        var message = await ReadHeaderAsync(headerLength, cancellationToken).ConfigureAwait(false);
        var payloads = new Payload[payloadCount];
        for (int i = 0; i < payloads.Length; i++)
        {
            await _reader.ReadExactlyAsync(prefix, cancellationToken).ConfigureAwait(false);
            ulong tagged = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
            long length = (long)(tagged & LengthMask);
            if (length > limits.MaxPayloadBytes)
                throw new WireProtocolException($"a payload of {length} bytes exceeds the limit of {limits.MaxPayloadBytes}");
            payloads[i] = await ReadPayloadAsync((PayloadElement)(tagged >> 56), length, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _bytesReceived, length);
        }
        return new Envelope(message, payloads);
    }

    /// <summary>
    /// Reads a header into pooled arrays and decodes it (the message copies what it keeps), so
    /// headers cost no garbage; a large one is read in parts as its bytes arrive, so a length that
    /// lies costs only what was really sent.
    /// </summary>
    private async ValueTask<WireMessage> ReadHeaderAsync(uint length, CancellationToken cancellationToken)
    {
        var parts = new List<(byte[] Bytes, int Length)>(1);
        try
        {
            for (uint done = 0; done < length; done += (uint)parts[^1].Length)
            {
                int n = (int)Math.Min(length - done, ReadPartBytes);
                parts.Add((ArrayPool<byte>.Shared.Rent(n), n));
                await _reader.ReadExactlyAsync(parts[^1].Bytes.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
            }
            return parts.Count == 1
                ? WireSerializer.Deserialize(parts[0].Bytes.AsMemory(0, parts[0].Length))
                : WireSerializer.Deserialize(Segment.Chain(parts));
        }
        finally
        {
            foreach (var (bytes, _) in parts)
                ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Reads one payload straight into an array of its element type; large ones in parts through a small buffer.</summary>
    private async ValueTask<Payload> ReadPayloadAsync(PayloadElement element, long length, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(element))
            throw new WireProtocolException($"a payload of unknown element type {(byte)element}");
        int size = PayloadElements.SizeOf(element);
        if (length % size != 0)
            throw new WireProtocolException($"a payload of {length} bytes is not a whole number of {element}");
        if (length / size > Array.MaxLength)
            throw new WireProtocolException($"a payload of {length / size} {element} is more than one array can hold");
        int count = (int)(length / size);
        Array array;
        try
        {
            array = element switch
            {
                PayloadElement.Doubles => ChunkPool.Rent<double>(count),
                PayloadElement.Floats => ChunkPool.Rent<float>(count),
                PayloadElement.Ints => ChunkPool.Rent<int>(count),
                PayloadElement.Longs => ChunkPool.Rent<long>(count),
                _ => GC.AllocateUninitializedArray<byte>(count),
            };
        }
        catch (OutOfMemoryException e)
        {
            throw new WireProtocolException($"there is no room here for a payload of {length} bytes: {e.Message}", e);
        }
        if (array is byte[] bytes)
        {
            for (int done = 0; done < bytes.Length;)
            {
                int n = Math.Min(bytes.Length - done, ReadPartBytes);
                await _reader.ReadExactlyAsync(bytes.AsMemory(done, n), cancellationToken).ConfigureAwait(false);
                Interlocked.Add(ref _bytesArriving, n);
                done += n;
            }
            return new Payload(bytes);
        }
        var part = ArrayPool<byte>.Shared.Rent((int)Math.Min(length, ReadPartBytes));
        try
        {
            for (long done = 0; done < length;)
            {
                int n = (int)Math.Min(length - done, part.Length - part.Length % size);
                await _reader.ReadExactlyAsync(part.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                CopyInto(array, done / size, part.AsSpan(0, n));
                Interlocked.Add(ref _bytesArriving, n);
                done += n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(part);
        }
        return new Payload(array);
    }

    private static void CopyInto(Array array, long firstElement, ReadOnlySpan<byte> bytes)
    {
        switch (array)
        {
            case double[] a: bytes.CopyTo(MemoryMarshal.AsBytes(a.AsSpan((int)firstElement, bytes.Length / sizeof(double)))); break;
            case float[] a: bytes.CopyTo(MemoryMarshal.AsBytes(a.AsSpan((int)firstElement, bytes.Length / sizeof(float)))); break;
            case int[] a: bytes.CopyTo(MemoryMarshal.AsBytes(a.AsSpan((int)firstElement, bytes.Length / sizeof(int)))); break;
            case long[] a: bytes.CopyTo(MemoryMarshal.AsBytes(a.AsSpan((int)firstElement, bytes.Length / sizeof(long)))); break;
            default: throw new ArgumentException($"no payload reads into {array.GetType().Name}", nameof(array));
        }
    }

    /// <summary>One part of a header read in parts.</summary>
    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        private Segment(ReadOnlyMemory<byte> bytes, long start)
        {
            Memory = bytes;
            RunningIndex = start;
        }

        public static ReadOnlySequence<byte> Chain(List<(byte[] Bytes, int Length)> parts)
        {
            var first = new Segment(parts[0].Bytes.AsMemory(0, parts[0].Length), 0);
            var last = first;
            foreach (var (bytes, length) in parts.Skip(1))
            {
                var part = bytes.AsMemory(0, length);
                var next = new Segment(part, last.RunningIndex + last.Memory.Length);
                last.Next = next;
                last = next;
            }
            return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }
    }

    private async Task WriteLoopAsync()
    {
        var prefix = new byte[8];
        var header = new ArrayBufferWriter<byte>(); // reused: headers cost no garbage
        try
        {
            while (await _outbox.Reader.WaitToReadAsync(_closing.Token).ConfigureAwait(false))
            {
                while (_outbox.Reader.TryRead(out var envelope))
                {
                    header.ResetWrittenCount();
                    WireSerializer.Serialize(header, envelope.Header);
                    BinaryPrimitives.WriteUInt32LittleEndian(prefix, (uint)header.WrittenCount);
                    BinaryPrimitives.WriteUInt32LittleEndian(prefix.AsSpan(4), (uint)envelope.Payloads.Count);
                    _writer.Write(prefix);
                    _writer.Write(header.WrittenSpan);
                    if (header.Capacity > KeptHeaderBytes)
                        header = new ArrayBufferWriter<byte>(); // a big submission's part is not kept for the rest of the connection
                    foreach (var payload in envelope.Payloads)
                    {
                        BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)payload.Length | ((ulong)payload.Element << 56));
                        _writer.Write(prefix);
                        payload.WriteTo(_writer);
                        Interlocked.Add(ref _bytesSent, payload.Length);
                    }
                    if (envelope.Written is not null)
                    {
                        // The payload arrays may be reused once written: flush before saying so.
                        await _writer.FlushAsync(_closing.Token).ConfigureAwait(false);
                        envelope.Written();
                    }
                }
                await _writer.FlushAsync(_closing.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException or MessagePack.MessagePackSerializationException
                                   || (e is NotSupportedException && !_stream.CanWrite)) // the buffered writer over a stream closed under it
        {
            // The connection is gone (or a message could not be written, which ends it too):
            // the reader side reports it to the owner. Release what was queued.
            if (e is MessagePack.MessagePackSerializationException)
                await _stream.DisposeAsync().ConfigureAwait(false);
            _outbox.Writer.TryComplete();
            while (_outbox.Reader.TryRead(out var dropped))
                dropped.Written?.Invoke();
        }
    }

    /// <summary>Flushes what is queued (briefly), then closes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _outbox.Writer.TryComplete();
        await Task.WhenAny(_writeLoop, Task.Delay(TimeSpan.FromSeconds(2), Time)).ConfigureAwait(false);
        await _closing.CancelAsync().ConfigureAwait(false);
        ShutDown(_stream);
        await _stream.DisposeAsync().ConfigureAwait(false);
        await _writeLoop.ConfigureAwait(false);
        _closing.Dispose();
    }

    /// <summary>
    /// Shuts a plain socket down before its stream goes: a write blocked on a peer that reads nothing returns then,
    /// even when the stream does not own the socket (a TLS stream's own disposal closes the socket under it).
    /// </summary>
    private static void ShutDown(Stream stream)
    {
        if (stream is not NetworkStream network)
            return;
        try
        {
            network.Socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // already closed
        }
    }
}
