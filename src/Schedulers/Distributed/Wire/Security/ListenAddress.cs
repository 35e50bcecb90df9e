using System.Net;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// Where a center or a worker's data port may listen: loopback by default; any other address only
/// with a token, because a center runs the code clients send on every worker, and a data port
/// hands out every value its worker holds.
/// </summary>
internal static class ListenAddress
{
    /// <summary>The address to bind for <paramref name="host"/>.</summary>
    /// <param name="host">An IP address, or <c>localhost</c>.</param>
    /// <param name="token">The cluster's token; empty for none.</param>
    /// <param name="listener">What listens, for the message: a center, or a worker's data port.</param>
    /// <exception cref="ArgumentException"><paramref name="host"/> is not an IP address.</exception>
    /// <exception cref="InvalidOperationException">A non-loopback address without a token.</exception>
    public static IPAddress Resolve(string host, string token, ListenerKind listener)
    {
        var address = host == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var parsed) ? parsed
            : throw new ArgumentException($"'{host}' is not an IP address to listen on", nameof(host));
        if (IPAddress.IsLoopback(address) || !string.IsNullOrEmpty(token))
            return address;
        throw new InvalidOperationException(listener == ListenerKind.Center
            ? $"refusing to listen on {host} without a token: workers run the code that clients send, " +
              "so anyone who can reach this port could run code on every worker; pass --token, or bind to 127.0.0.1"
            : $"refusing to serve this worker's data on {host} without a token: anyone who can reach the data port " +
              "could read every value the worker holds; pass --token (the cluster's), or bind to 127.0.0.1");
    }
}

/// <summary>What listens on an address.</summary>
internal enum ListenerKind
{
    /// <summary>A center.</summary>
    Center,

    /// <summary>A worker's data port.</summary>
    DataPort,
}
