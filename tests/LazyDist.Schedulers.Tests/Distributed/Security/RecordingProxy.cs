using System.Net;
using System.Net.Sockets;

namespace LazyDist.Schedulers.Tests.Distributed.Security;

/// <summary>A TCP relay on loopback that keeps every byte it passes on, in both directions: what someone on the network would see.</summary>
internal sealed class RecordingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _target;
    private readonly MemoryStream _seen = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _relays = [];
    private readonly Task _accepting;

    public RecordingProxy(string target)
    {
        _target = target;
        _listener.Start();
        Address = $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accepting = AcceptAsync();
    }

    public string Address { get; }

    /// <summary>Everything relayed so far.</summary>
    public byte[] Seen()
    {
        lock (_seen)
            return _seen.ToArray();
    }

    private async Task AcceptAsync()
    {
        var (host, port) = LazyDist.Distributed.Wire.Endpoints.Parse(_target);
        try
        {
            while (true)
            {
                var inbound = await _listener.AcceptSocketAsync(_stopping.Token);
                var outbound = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await outbound.ConnectAsync(IPAddress.Parse(host), port, _stopping.Token);
                lock (_relays)
                {
                    _relays.Add(RelayAsync(inbound, outbound));
                    _relays.Add(RelayAsync(outbound, inbound));
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task RelayAsync(Socket from, Socket to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                int read = await from.ReceiveAsync(buffer, SocketFlags.None, _stopping.Token);
                if (read == 0)
                    break;
                lock (_seen)
                    _seen.Write(buffer, 0, read);
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stopping.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            to.Dispose();
            from.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] relays;
        lock (_relays)
            relays = [.. _relays];
        await Task.WhenAll(relays);
        _stopping.Dispose();
    }
}
