using System.Net;
using System.Net.Sockets;

namespace LazyDist.Schedulers.Tests.Conformance;

/// <summary>
/// A gate a task waits at, in any process: the task (<see cref="Pass"/>, a static method that
/// travels to workers as user code) connects to this test's loopback port and blocks until the test
/// opens the gate. The test learns that the task is running when it connects: no sleeps, no clocks,
/// so a test can act "while the task runs" on a machine of any speed.
/// </summary>
public sealed class TcpGate : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _waiting = [];

    public TcpGate()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    /// <summary>The port tasks pass to <see cref="Pass"/>.</summary>
    public int Port { get; }

    /// <summary>What a task calls: waits at the gate on <paramref name="port"/> until it opens, then returns <paramref name="value"/>.</summary>
    public static long Pass(int port, long value)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(IPAddress.Loopback, port);
        var buffer = new byte[1];
        _ = socket.Receive(buffer); // one byte, or 0 when the gate closes: either way, go on
        return value;
    }

    /// <summary>Completes when a task has reached the gate (and is now waiting there).</summary>
    public async Task ReachedAsync(CancellationToken cancellationToken)
    {
        var socket = await _listener.AcceptSocketAsync(cancellationToken).ConfigureAwait(false);
        lock (_waiting)
            _waiting.Add(socket);
    }

    /// <summary>Lets every task waiting at the gate go on.</summary>
    public void Open()
    {
        lock (_waiting)
        {
            foreach (var socket in _waiting)
            {
                socket.Send([1]);
                socket.Dispose();
            }
            _waiting.Clear();
        }
    }

    public void Dispose()
    {
        Open();
        _listener.Stop();
        _listener.Dispose();
    }
}
