using LazyDist.Distributed.Client;
using LazyDist.Distributed.States;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Distributed;

/// <summary>
/// A client of a cluster, and an <see cref="IScheduler"/>: <c>x.Sum().Compute(cluster)</c> runs
/// the same graph as on threads, on the center's workers. Graphs travel as data (built-in
/// operations by name); results are gathered straight from the workers that hold them, and
/// released on the cluster once gathered. When the client disconnects, the center releases
/// everything it wanted.
/// </summary>
/// <remarks>
/// A thin host: decisions are <see cref="ClientState"/>'s; this class turns the center's messages
/// and the caller's requests into its events, and its instructions into messages, fetches and
/// completed tasks, under one lock.
/// </remarks>
public sealed partial class DistributedScheduler : IScheduler, IAsyncDisposable
{
    private readonly WireConnection _center;
    private readonly PeerPool _workers;
    private readonly object _gate = new();
    private readonly PartWindow _parts = new(2);
    private readonly ClientState _state;
    private readonly Dictionary<TaskKey, PendingKey> _handles = [];
    private readonly Queue<TaskCompletionSource<ClusterStatistics>> _statsRequests = new();
    private readonly StimulusIds _ids = new();
    private readonly string _name = $"client-{Environment.ProcessId}";
    private int _retries;
    private readonly CancellationTokenSource _closing = new();
    private readonly TimeProvider _time;
    private readonly Task _receiveLoop;
    private Exception? _lost;
    private long _completions;

    private DistributedScheduler(WireConnection center, string address, WireSecurity security, TimeProvider time)
    {
        _center = center;
        CenterAddress = address;
        _time = time;
        _state = new ClientState(time);
        _workers = new PeerPool(security, _name);
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>The center's address.</summary>
    public string CenterAddress { get; }

    /// <summary>
    /// How many times the center runs a task again when its own code throws, before the error reaches
    /// you (dask's <c>retries=</c>), for everything this client submits from now on: <c>Submit</c>,
    /// <c>Map</c>, <c>Compute</c>, <c>Persist</c>; 0 by default. A lost input or a lost worker never counts
    /// as a failure: those tasks are recomputed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative number.</exception>
    public int Retries
    {
        get => _retries;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _retries = value;
        }
    }

    /// <summary>Bytes of results gathered from workers by this client.</summary>
    public long GatheredBytes => _workers.BytesReceived;

    /// <summary>Connects to a center.</summary>
    /// <param name="address"><c>host:port</c>, optionally prefixed <c>tcp://</c>.</param>
    /// <param name="token">The cluster's token, when it has one.</param>
    /// <param name="cancellationToken">Stops the attempt.</param>
    /// <exception cref="FormatException">The address is not host:port.</exception>
    /// <exception cref="IOException">The center cannot be reached or refused the connection; the message says why.</exception>
    public static Task<DistributedScheduler> ConnectAsync(string address, string? token = null, CancellationToken cancellationToken = default) =>
        ConnectAsync(address, token, tls: null, cancellationToken);

    /// <summary>Connects to a center, over TLS when <paramref name="tls"/> is given (the token then travels encrypted).</summary>
    /// <param name="address"><c>host:port</c>, optionally prefixed <c>tcp://</c>.</param>
    /// <param name="token">The cluster's token, when it has one.</param>
    /// <param name="tls">The authority that signed the cluster's certificates, and this client's own certificate when TLS is mutual; null for plain TCP.</param>
    /// <param name="cancellationToken">Stops the attempt.</param>
    /// <exception cref="FormatException">The address is not host:port.</exception>
    /// <exception cref="ArgumentException">A TLS file is missing or unreadable; the message names it.</exception>
    /// <exception cref="IOException">The center cannot be reached, its TLS is not trusted, or it refused the connection; the message says why.</exception>
    public static async Task<DistributedScheduler> ConnectAsync(string address, string? token, TlsOptions? tls, CancellationToken cancellationToken = default)
    {
        _ = Endpoints.Parse(address);
        var security = WireSecurity.Create(token, tls);
        WireSerializer.WarmUp();
        WireConnection connection;
        try
        {
            connection = await WireConnection.ConnectAsync(address, cancellationToken, security: security).ConfigureAwait(false);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new IOException($"cannot reach a center at {address}: {e.Message}", e);
        }
        try
        {
            await Handshake.IntroduceAsync(connection,
                new HelloMessage(Handshake.ProtocolVersion, token ?? "", PeerRole.Client, $"client-{Environment.ProcessId}", null, 0),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WireProtocolException or EndOfStreamException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new IOException($"the center at {address} did not accept this client: {e.Message}", e);
        }
        return new DistributedScheduler(connection, address, security, TimeProvider.System);
    }

    /// <summary>Asks the center for its counters.</summary>
    /// <param name="resetPeak">Start a new peak-keys measurement after answering.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="IOException">The center was lost.</exception>
    public async Task<ClusterStatistics> GetStatisticsAsync(bool resetPeak = false, CancellationToken cancellationToken = default)
    {
        var answer = new TaskCompletionSource<ClusterStatistics>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            ThrowIfLost();
            _statsRequests.Enqueue(answer);
            Post(new StatisticsWantedEvent(resetPeak, _ids.Next("statistics-wanted", _name))); // after the releases sent before it
        }
        return await answer.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Disconnects; the center releases everything this client wanted.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_closing.IsCancellationRequested)
            return;
        await _closing.CancelAsync().ConfigureAwait(false);
        await _center.DisposeAsync().ConfigureAwait(false);
        await _receiveLoop.ConfigureAwait(false);
        await _workers.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override string ToString() => $"tcp://{CenterAddress}";

    private void ThrowIfLost()
    {
        if (_lost is not null)
            throw LostError(_lost.Message, _lost);
    }

    private IOException LostError(string reason, Exception? cause = null) =>
        new($"the connection to the center at {CenterAddress} is lost: {reason}", cause);
}
