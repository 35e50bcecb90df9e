using System.Collections.Concurrent;
using LazyDist.Graph;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// Connections to workers' data ports, one per address, reused; requests on one connection take
/// turns. Used by workers to fetch inputs from peers and by clients to gather results. A peer that
/// sends nothing for <c>stallTimeout</c> while a request waits on it (stopped, hung, or its host
/// gone without a reset) fails the request as unreachable, so the reader moves on to another holder
/// or lets the center recompute; a slow peer still sending is waited for.
/// </summary>
/// <param name="security">The token and TLS to present.</param>
/// <param name="name">This reader's name, in the peer's logs.</param>
/// <param name="stallTimeout">How long a request may see no bytes arrive (<see cref="DefaultStallTimeout"/> by default).</param>
/// <param name="time">The clock of the stall timeout.</param>
internal sealed class PeerPool(WireSecurity security, string name, TimeSpan? stallTimeout = null, TimeProvider? time = null) : IAsyncDisposable
{
    /// <summary>How long a request waits without a byte arriving before its peer counts as stalled.</summary>
    public static readonly TimeSpan DefaultStallTimeout = TimeSpan.FromSeconds(60);

    private readonly TimeSpan _stallTimeout = stallTimeout ?? DefaultStallTimeout;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>A pool that presents <paramref name="token"/>, over plain TCP.</summary>
    public PeerPool(string token, string name) : this(WireSecurity.Create(token), name)
    {
    }

    private readonly ConcurrentDictionary<string, Lazy<Task<Peer>>> _peers = new(StringComparer.Ordinal);

    /// <summary>Payload bytes received from all peers.</summary>
    public long BytesReceived => _peers.Values.Where(p => p.IsValueCreated && p.Value.IsCompletedSuccessfully).Sum(p => p.Value.Result.Connection.PayloadBytesReceived);

    /// <summary>Fetches the values of <paramref name="keys"/> from the worker at <paramref name="address"/>.</summary>
    /// <exception cref="MissingDataException">The worker does not hold one of the keys.</exception>
    /// <exception cref="IOException">The worker could not be reached; its connection is dropped.</exception>
    public async Task<object?[]> FetchAsync(string address, IReadOnlyList<TaskKey> keys, CancellationToken cancellationToken)
    {
        var found = await FetchEachAsync(address, keys, cancellationToken).ConfigureAwait(false);
        var values = new object?[keys.Count];
        for (int i = 0; i < values.Length; i++)
        {
            if (found[i].Unreadable is { } reason)
                throw new WireProtocolException($"the value of {keys[i]} from {address} could not be read: {reason}");
            values[i] = found[i].Found ? found[i].Value : throw new MissingDataException(keys[i], address);
        }
        return values;
    }

    /// <summary>
    /// Fetches what the worker at <paramref name="address"/> holds of <paramref name="keys"/>, in one request: one entry per
    /// key, not found when it does not hold it, and found but <c>Unreadable</c> (with the reason) when its bytes arrived
    /// whole but do not decode as their kind, which fetching again would not change.
    /// </summary>
    /// <exception cref="IOException">The worker could not be reached; its connection is dropped.</exception>
    public async Task<(bool Found, object? Value, string? Unreadable)[]> FetchEachAsync(string address, IReadOnlyList<TaskKey> keys, CancellationToken cancellationToken)
    {
        Peer peer;
        try
        {
            peer = await _peers.GetOrAdd(address, a => new Lazy<Task<Peer>>(() => ConnectAsync(a))).Value.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _peers.TryRemove(address, out _);
            throw new IOException($"cannot reach the worker at {address}: {e.Message}", e);
        }
        await peer.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        using var stalled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = WatchAsync(peer.Connection, stalled);
        try
        {
            peer.Connection.Send(new GetDataMessage([.. keys.Select(WireKey.From)]));
            Envelope reply;
            try
            {
                reply = await peer.Connection.ReceiveAsync(stalled.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new IOException($"{address} sent nothing for {_stallTimeout.TotalSeconds:0.#} s: stalled or stopped");
            }
            if (reply.Header is not DataMessage data || data.Values.Length != keys.Count)
                throw new WireProtocolException($"{address} answered GetData with {reply.Header.GetType().Name}");
            if (reply.Payloads.Count != data.Values.Count(v => !v.Missing))
                throw new WireProtocolException($"{address} sent {reply.Payloads.Count} payloads for {data.Values.Count(v => !v.Missing)} values");
            var values = new (bool Found, object? Value, string? Unreadable)[keys.Count];
            int payload = 0;
            for (int i = 0; i < values.Length; i++)
            {
                if (data.Values[i].Missing)
                    continue;
                try
                {
                    values[i] = (true, ValueCodec.Decode(data.Values[i].Kind, reply.Payloads[payload++]), null);
                }
                catch (WireProtocolException e)
                {
                    values[i] = (true, null, e.Message); // the frame was whole, so the connection stays good
                }
            }
            return values;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or WireProtocolException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            if (_peers.TryRemove(address, out _))
                await peer.Connection.DisposeAsync().ConfigureAwait(false);
            throw new IOException($"fetching from {address} failed: {e.Message}", e);
        }
        finally
        {
            await stalled.CancelAsync().ConfigureAwait(false);
            await watch.ConfigureAwait(false);
            peer.Turn.Release();
        }
    }

    /// <summary>Cancels <paramref name="stalled"/> when a whole stall timeout passes without a payload byte arriving on <paramref name="connection"/>.</summary>
    private async Task WatchAsync(WireConnection connection, CancellationTokenSource stalled)
    {
        long seen = connection.PayloadBytesArriving;
        try
        {
            while (true)
            {
                await Task.Delay(_stallTimeout, _time, stalled.Token).ConfigureAwait(false);
                long now = connection.PayloadBytesArriving;
                if (now == seen)
                {
                    await stalled.CancelAsync().ConfigureAwait(false);
                    return;
                }
                seen = now;
            }
        }
        catch (OperationCanceledException)
        {
            // The request ended first.
        }
    }

    private async Task<Peer> ConnectAsync(string address)
    {
        using var timeout = new CancellationTokenSource(Handshake.Timeout);
        var connection = await WireConnection.ConnectAsync(address, timeout.Token, security: security).ConfigureAwait(false);
        try
        {
            await Handshake.IntroduceAsync(connection, new HelloMessage(Handshake.ProtocolVersion, security.Token, PeerRole.DataReader, name, null, 0), timeout.Token).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new Peer(connection);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _peers.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
                await lazy.Value.Result.Connection.DisposeAsync().ConfigureAwait(false);
        }
        _peers.Clear();
    }

    private sealed class Peer(WireConnection connection)
    {
        public WireConnection Connection { get; } = connection;
        public SemaphoreSlim Turn { get; } = new(1, 1);
    }
}
