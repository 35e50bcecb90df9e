using System.Net.Sockets;

namespace LazyDist.Distributed.Wire;

/// <summary>Accepts connections until stopped, serving each on its own task through its listener's gate; ends when every connection has been served.</summary>
internal static class AcceptLoop
{
    /// <param name="listener">The listening socket.</param>
    /// <param name="gate">Admits connections (limits, TLS, the handshake's frame limits).</param>
    /// <param name="serve">Serves one connection.</param>
    /// <param name="time">The host's clock: the pause after a failed accept is taken on it.</param>
    /// <param name="stopping">Stops accepting.</param>
    public static async Task RunAsync(TcpListener listener, ConnectionGate gate, Func<WireConnection, Task> serve, TimeProvider time, CancellationToken stopping)
    {
        var open = new List<Task>();
        while (!stopping.IsCancellationRequested)
        {
            ConnectionGate.PendingSlot place;
            try
            {
                place = await gate.EnterAsync(stopping).ConfigureAwait(false); // before accepting: a full gate leaves them in the backlog
            }
            catch (OperationCanceledException)
            {
                break;
            }
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stopping).ConfigureAwait(false);
            }
            catch (SocketException) when (!stopping.IsCancellationRequested)
            {
                // Out of descriptors, or a connection reset while queued: the listener is fine; try again shortly.
                place.Release();
                await Task.Delay(TimeSpan.FromMilliseconds(20), time, CancellationToken.None).ConfigureAwait(false);
                continue;
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                place.Release();
                break;
            }
            open.RemoveAll(t => t.IsCompleted);
            open.Add(Task.Run(() => gate.ServeAsync(socket, place, serve, stopping), CancellationToken.None));
        }
        await Task.WhenAll(open).ConfigureAwait(false);
    }
}
