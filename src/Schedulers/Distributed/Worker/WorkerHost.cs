using System.Net;
using System.Net.Sockets;
using LazyDist.Distributed.States;
using LazyDist.Distributed.Wire;
using LazyDist.Distributed.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LazyDist.Distributed;

/// <summary>
/// A worker (dask's worker process): runs the tasks its center sends on N executor threads,
/// fetches missing inputs directly from the peers that hold them, serves its values to peers and
/// clients on its own data port, and deletes values when the center says so. Decisions are made
/// by <see cref="WorkerState"/>; this class only does the I/O. All time comes from its
/// <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class WorkerHost : IAsyncDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);
    private readonly WorkerOptions _options;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly WorkerStore _store = new();
    private readonly PeerPool _peers;
    private readonly CodeFetcher _codeFetcher;
    private readonly TcpListener _dataListener;
    private readonly ConnectionGate _admission;
    private readonly WireSecurity _security;
    private readonly CancellationTokenSource _stopping = new();
    private readonly StimulusIds _ids = new();
    private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Thread> _executors = [];
    private readonly ExecutorQueue<(ExecuteInstruction Task, int Epoch)> _queue = new();
    private WorkerState _state;
    private WireConnection? _center;
    private OutgoingBatch? _reports;
    private int _epoch;
    private int _restartReported;
    private Task _run = Task.CompletedTask;
    private Task _dataLoop = Task.CompletedTask;

    private WorkerHost(WorkerOptions options, ILoggerFactory loggers, TimeProvider time)
    {
        _options = options;
        _log = loggers.CreateLogger("lazydist.worker");
        _time = time;
        _memory = MemoryPolicy.Of(options);
        _state = new WorkerState(options.Threads, memory: _memory);
        _security = WireSecurity.Create(options.Token, options.Tls, serves: true);
        _peers = new PeerPool(_security, options.Name, options.PeerStallTimeout, time);
        _codeFetcher = new CodeFetcher(SendToCenter, TimeSpan.FromSeconds(60), time);
        _dataListener = new TcpListener(ListenAddress.Resolve(options.Host, options.Token, ListenerKind.DataPort), 0);
        _admission = ConnectionGate.ForDataPort(options.Name, _security, _log);
    }

    /// <summary>The worker's name.</summary>
    public string Name => _options.Name;

    /// <summary>Where peers and clients fetch this worker's values.</summary>
    public string DataAddress { get; private set; } = "";

    /// <summary>Completes once the worker has joined a center and is ready to report to it (for tests that then move its clock).</summary>
    internal Task Joined => _joined.Task;

    /// <summary>Completes when the worker stops: disposed, or its center gone for longer than <see cref="WorkerOptions.CenterTimeout"/>.</summary>
    public Task Completion => _run;

    /// <summary>Opens the data port and starts joining the center (retrying until <see cref="WorkerOptions.CenterTimeout"/>).</summary>
    /// <param name="options">Where the center is, and how to run.</param>
    /// <param name="loggers">Where it logs; none by default.</param>
    /// <param name="time">The clock of heartbeats, retries, timeouts and task times; the system's by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one thread, a negative memory limit, or a memory fraction outside (0, 1].</exception>
    /// <exception cref="IOException">The local directory for spilled values cannot be made.</exception>
    /// <exception cref="ArgumentException">The host is not an IP address, or a TLS file is missing or unreadable; the message names it.</exception>
    /// <exception cref="InvalidOperationException">A non-loopback data port without a token.</exception>
    /// <exception cref="FormatException">The center's address is not host:port.</exception>
    public static Task<WorkerHost> StartAsync(WorkerOptions options, ILoggerFactory? loggers = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Threads, nameof(options));
        _ = Endpoints.Parse(options.CenterAddress);
        var host = new WorkerHost(options, loggers ?? NullLoggerFactory.Instance, time ?? TimeProvider.System);
        WireSerializer.WarmUp();
        host.StartMemoryMonitor();
        host._dataListener.Start();
        host.DataAddress = $"{options.Host}:{((IPEndPoint)host._dataListener.LocalEndpoint).Port}";
        for (int i = 0; i < options.Threads; i++)
        {
            int thread = i;
            var executor = new Thread(() => host.ExecuteLoop(thread)) { IsBackground = true, Name = $"lazydist-executor-{i}" };
            host._executors.Add(executor);
            executor.Start();
        }
        host._dataLoop = Task.Run(() => AcceptLoop.RunAsync(host._dataListener, host._admission, host.ServeDataAsync, host._time, host._stopping.Token));
        host._run = Task.Run(host.RunAsync);
        return Task.FromResult(host);
    }

    /// <summary>Stays joined to the center; after losing it, retries until the timeout, then stops.</summary>
    private async Task RunAsync()
    {
        var lostSince = _time.GetUtcNow();
        string? lastFailure = null;
        using var heartbeat = _time.CreateTimer(_ => SendHeartbeat(), null, _options.HeartbeatInterval, _options.HeartbeatInterval);
        while (!_stopping.IsCancellationRequested)
        {
            WireConnection? connection = null;
            try
            {
                connection = await WireConnection.ConnectAsync(_options.CenterAddress, _stopping.Token, security: _security).ConfigureAwait(false);
                connection.Time = _time;
                var hello = new HelloMessage(Handshake.ProtocolVersion, _options.Token, PeerRole.Worker, _options.Name, DataAddress, _options.Threads);
                await Handshake.IntroduceAsync(connection, hello, _stopping.Token).ConfigureAwait(false);
                if (_options.RestartReason is { } reason && Interlocked.Exchange(ref _restartReported, 1) == 0)
                    connection.Send(new WorkerRestartedMessage(reason)); // once: a later rejoin of this process is not a restart
                BeginSession(connection);
                _log.LogInformation("worker {Name} joined the center at {Center}; data at {Data}", _options.Name, _options.CenterAddress, DataAddress);
                await ReceiveFromCenterAsync(connection).ConfigureAwait(false);
            }
            catch (WireProtocolException e) when (e.Message.Contains("refused", StringComparison.Ordinal))
            {
                _log.LogError("the center refused worker {Name}: {Reason}", _options.Name, e.Message);
                break;
            }
            catch (Exception e) when (e is IOException or SocketException or EndOfStreamException or WireProtocolException or OperationCanceledException or ObjectDisposedException)
            {
                if (_stopping.IsCancellationRequested)
                    break;
                if (_center is not null)
                    _log.LogWarning("lost the center at {Center}: {Reason}", _options.CenterAddress, e.Message);
                else if (e.Message != lastFailure)
                    _log.LogWarning("cannot join the center at {Center} yet: {Reason}", _options.CenterAddress, lastFailure = e.Message); // once per reason: a wrong TLS setting says so
            }
            finally
            {
                if (EndSession(connection))
                    lostSince = _time.GetUtcNow();
                if (connection is not null)
                    await connection.DisposeAsync().ConfigureAwait(false);
            }
            if (_time.GetUtcNow() - lostSince > _options.CenterTimeout)
            {
                _log.LogError("no center at {Center} for {Seconds:F0} s; worker {Name} exits", _options.CenterAddress, _options.CenterTimeout.TotalSeconds, _options.Name);
                break;
            }
            try
            {
                await Task.Delay(RetryDelay, _time, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>A new session with the center starts from nothing: the center knows nothing of older values.</summary>
    private void BeginSession(WireConnection connection)
    {
        lock (_gate)
        {
            _epoch++;
            _state = new WorkerState(_options.Threads, DataAddress, _options.ValidateState, _time, memory: _memory);
            _store.Clear();
            _center = connection;
            _reports = new OutgoingBatch(connection);
        }
        _joined.TrySetResult();
    }

    private bool EndSession(WireConnection? connection)
    {
        lock (_gate)
        {
            if (connection is null || !ReferenceEquals(_center, connection))
                return false;
            _center = null;
            _reports = null;
            _epoch++;
        }
        EndCodeSessions("the connection to the center closed");
        return true;
    }

    private void SendHeartbeat()
    {
        lock (_gate)
        {
            _center?.Send(new HeartbeatMessage(_state.HeldBytes, _state.HeldKeys, _store.SpilledBytes));
            SendMetrics();
        }
    }

    /// <summary>Stops: leaves the center, closes the data port; running tasks are abandoned.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
            return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        WireConnection? center;
        lock (_gate)
            center = _center;
        if (center is not null)
            await center.DisposeAsync().ConfigureAwait(false);
        _dataListener.Stop();
        await Task.WhenAll(_run, _dataLoop).ConfigureAwait(false);
        _queue.Complete();
        StopMemoryMonitor();
        await _peers.DisposeAsync().ConfigureAwait(false);
        // _stopping is not disposed: executor threads and fetches still running may read its token.
    }
}
