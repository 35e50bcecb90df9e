using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// Admits connections to one listener (a center, or a worker's data port). Until its handshake is
/// done a connection reads with <see cref="FrameLimits.Handshake"/>'s bounds and must say hello
/// within <see cref="Handshake.Timeout"/>, and at most <see cref="MaxPending"/> connections wait at
/// once, so a crowd of strangers holds a few megabytes at most: while that many wait, the listener
/// accepts no more (they queue in the kernel's backlog, costing this process nothing), so a burst
/// of honest peers is served a little later instead of refused. The hello is checked for the
/// protocol version, the token and the roles this listener serves. Every refusal is logged once,
/// with the peer's address and its name cut to size; a connection whose handler fails in a way
/// nobody foresaw is logged and closed, and only that connection.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A SemaphoreSlim whose wait handle is never asked for holds nothing to release; the gate lives as long as its listener.")]
internal sealed class ConnectionGate
{
    /// <summary>The most connections between being accepted and the end of their handshake.</summary>
    public const int MaxPending = 128;

    private readonly string _listener;
    private readonly WireSecurity _security;
    private readonly Func<HelloMessage, string?> _roleRefusal;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<WireConnection, PendingSlot> _waiting = new(ReferenceEqualityComparer.Instance);
    private readonly SemaphoreSlim _places = new(MaxPending, MaxPending);
    private int _full;

    private ConnectionGate(string listener, WireSecurity security, Func<HelloMessage, string?> roleRefusal, ILogger log)
    {
        _listener = listener;
        _security = security;
        _roleRefusal = roleRefusal;
        _log = log;
    }

    /// <summary>Connections waiting for their handshake now.</summary>
    public int Pending => MaxPending - _places.CurrentCount;

    /// <summary>The center's gate: workers (with a data address and threads) and clients.</summary>
    public static ConnectionGate ForCenter(WireSecurity security, ILogger log) => new("the center", security, hello => hello.Role switch
    {
        PeerRole.DataReader => "this is a center, not a worker's data port",
        PeerRole.Worker when hello.Threads < 1 || !IsEndpoint(hello.DataAddress) =>
            $"a worker must give its data address as host:port and at least one thread, got '{LogText.Of(hello.DataAddress)}' and {hello.Threads}",
        _ => null,
    }, log);

    /// <summary>A worker's data port's gate: readers of values only.</summary>
    public static ConnectionGate ForDataPort(string worker, WireSecurity security, ILogger log) => new($"the data port of {worker}", security,
        hello => hello.Role == PeerRole.DataReader ? null : $"this is the data port of worker {worker}; a {hello.Role} joins the center", log);

    /// <summary>Waits for a place among the connections waiting for their handshake (at once, unless <see cref="MaxPending"/> wait); says so once when they are all taken.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="stopping"/> fired.</exception>
    public async Task<PendingSlot> EnterAsync(CancellationToken stopping)
    {
        if (!_places.Wait(0, CancellationToken.None))
        {
            if (Interlocked.Exchange(ref _full, 1) == 0)
                _log.LogWarning("{Listener} has {Pending} connections waiting for their handshake: new connections wait until one is done", _listener, MaxPending);
            await _places.WaitAsync(stopping).ConfigureAwait(false);
        }
        else
        {
            Volatile.Write(ref _full, 0);
        }
        return new PendingSlot(this);
    }

    /// <summary>Serves one accepted socket that was given a <paramref name="place"/> by <see cref="EnterAsync"/>, with <paramref name="serve"/>; never throws.</summary>
    public async Task ServeAsync(Socket socket, PendingSlot place, Func<WireConnection, Task> serve, CancellationToken stopping)
    {
        string remote = WireConnection.RemoteOf(socket);
        var slot = place;
        WireConnection? connection = null;
        try
        {
            var stream = await SecureAsync(socket, remote, stopping).ConfigureAwait(false);
            if (stream is null)
                return;
            connection = new WireConnection(stream, remote);
            _waiting[connection] = slot;
            await serve(connection).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _log.LogError(e, "the connection from {Remote} at {Listener} failed unexpectedly and is closed: {Reason}", remote, _listener, LogText.Of(e.Message));
        }
        finally
        {
            slot.Release();
            if (connection is null)
            {
                socket.Dispose();
            }
            else
            {
                _waiting.TryRemove(connection, out _);
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads and checks the hello; the connection then reads with the bounds of its kind.</summary>
    /// <returns>The hello; null when the peer was refused (answered with the reason and logged) or left.</returns>
    public async Task<HelloMessage?> AdmitAsync(WireConnection connection, CancellationToken stopping)
    {
        try
        {
            var hello = await Handshake.ReadHelloAsync(connection, stopping).ConfigureAwait(false);
            string? reason = Handshake.Refusal(hello, _security.Token) ?? _roleRefusal(hello);
            if (reason is not null)
            {
                _log.LogWarning("refused {Remote} ({Name}) at {Listener}: {Reason}", connection.Remote, LogText.Of(hello.Name), _listener, reason);
                connection.Send(new RefusedMessage(reason));
                return null;
            }
            Handshake.Welcomed(connection, hello);
            return hello;
        }
        catch (WireProtocolException e)
        {
            _log.LogWarning("refused {Remote} at {Listener}: {Reason}", connection.Remote, _listener, LogText.Of(e.Message));
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            _log.LogWarning("refused {Remote} at {Listener}: no hello within {Seconds:F0} s", connection.Remote, _listener, Handshake.Timeout.TotalSeconds);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            _log.LogDebug("{Remote} left {Listener} before its handshake: {Reason}", connection.Remote, _listener, e.Message);
        }
        finally
        {
            if (_waiting.TryRemove(connection, out var slot))
                slot.Release();
        }
        return null;
    }

    private async Task<Stream?> SecureAsync(Socket socket, string remote, CancellationToken stopping)
    {
        Stream stream = WireConnection.Open(socket);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(Handshake.Timeout);
        try
        {
            return await _security.SecureServerAsync(stream, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            if (!stopping.IsCancellationRequested)
                _log.LogWarning("refused {Remote} at {Listener}: the TLS handshake failed: {Reason}", remote, _listener, LogText.Of(e.Message));
            await stream.DisposeAsync().ConfigureAwait(false);
            return null;
        }
    }

    private static bool IsEndpoint(string? text)
    {
        if (text is null)
            return false;
        try
        {
            _ = Endpoints.Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>One connection's place among those waiting; given back once, whichever comes first: its hello or its end.</summary>
    internal sealed class PendingSlot(ConnectionGate gate)
    {
        private int _released;

        public void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                gate._places.Release();
        }
    }
}
