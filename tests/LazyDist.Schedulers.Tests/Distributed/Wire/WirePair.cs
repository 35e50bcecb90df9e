using System.Net;
using System.Net.Sockets;
using LazyDist.Distributed.Wire;

namespace LazyDist.Schedulers.Tests.Distributed.Wire;

/// <summary>Two ends of a real TCP connection on loopback, port 0.</summary>
internal sealed class WirePair : IAsyncDisposable
{
    private WirePair(WireConnection client, WireConnection server, Socket rawClient)
    {
        Client = client;
        Server = server;
        RawClient = rawClient;
    }

    public WireConnection Client { get; }

    public WireConnection Server { get; }

    public Socket RawClient { get; }

    public static async Task<WirePair> OpenAsync(FrameLimits? limits = null)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var raw = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await raw.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        var accepted = await listener.AcceptSocketAsync();
        return new WirePair(new WireConnection(new NetworkStream(raw, ownsSocket: false), "client", FrameLimits.Default), WireConnection.Accept(accepted, limits ?? FrameLimits.Default), raw);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync(); // first: a client write blocked on a full socket then fails instead of waiting forever
        await Client.DisposeAsync();
        RawClient.Dispose();
    }
}
