using System.Net.Sockets;

namespace LazyDist.Distributed.Wire;

/// <summary>Accepts connections until stopped, serving each on its own task; ends when every connection has been served.</summary>
internal static class AcceptLoop
{
    public static async Task RunAsync(TcpListener listener, Func<WireConnection, Task> serve, CancellationToken stopping)
    {
        var open = new List<Task>();
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                break;
            }
            var connection = WireConnection.Accept(socket);
            open.RemoveAll(t => t.IsCompleted);
            open.Add(Task.Run(() => serve(connection), CancellationToken.None));
        }
        await Task.WhenAll(open).ConfigureAwait(false);
    }
}
