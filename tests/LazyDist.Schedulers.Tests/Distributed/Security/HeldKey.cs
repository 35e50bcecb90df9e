using LazyDist.Collections;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Security;

/// <summary>A bare client connection that has a worker compute <see cref="Key"/> (= 42) and keeps wanting it, so it stays on the worker's data port to be fetched.</summary>
internal sealed class HeldKey : IAsyncDisposable
{
    public static readonly TaskKey Key = ("held", 0);

    private readonly WireConnection _connection;

    private HeldKey(WireConnection connection, string dataAddress)
    {
        _connection = connection;
        DataAddress = dataAddress;
    }

    /// <summary>The data port of the worker that holds the key.</summary>
    public string DataAddress { get; }

    public static async Task<HeldKey> StartAsync(string center, string token = "fuzz-token", WireSecurity? security = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var connection = await WireConnection.ConnectAsync(center, timeout.Token, security: security);
        await Handshake.IntroduceAsync(connection, new HelloMessage(Handshake.ProtocolVersion, security?.Token ?? token, PeerRole.Client, "fuzz-holder", null, 0), timeout.Token);
        var wire = WireKey.From(Key);
        connection.Send(new SubmitGraphMessage([new SubmittedTask(wire, [], new TaskNode(ArrayOperations.Increment, 41L).Serialize(Key), 0)], [wire]));
        var answer = await connection.ReceiveAsync(timeout.Token);
        return answer.Header is KeyInMemoryMessage held && held.Holders.Length > 0
            ? new HeldKey(connection, held.Holders[0])
            : throw new InvalidOperationException($"the center answered {answer.Header} instead of {Key} in memory");
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
