using System.Net;
using System.Net.Sockets;
using LazyDist.Distributed.Center;
using LazyDist.Distributed.States;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LazyDist.Distributed;

/// <summary>
/// The center of a cluster (dask's scheduler process): accepts workers and clients over TCP,
/// feeds what they say to the <see cref="SchedulerState"/> one event at a time, and sends its
/// instructions. It holds metadata only; values move worker to worker and worker to client.
/// A connection that breaks the protocol is closed and logged; the others carry on.
/// </summary>
public sealed partial class CenterHost : IAsyncDisposable
{
    private readonly SchedulerState _state;
    private readonly object _gate = new();
    private readonly TcpListener _listener;
    private readonly CenterOptions _options;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly Dictionary<int, WireConnection> _workers = [];
    private readonly Dictionary<int, WireConnection> _clients = [];
    private readonly Dictionary<int, string> _names = [];
    private readonly StimulusIds _ids = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ITimer _ticker;
    private readonly ITimer? _balancer;
    private readonly ConnectionGate _admission;
    private Task _acceptLoop = Task.CompletedTask;
    private readonly List<(Func<SchedulerState, bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly Dictionary<WireConnection, OutgoingBatch> _batches = [];
    private readonly Dictionary<WireConnection, HeadWindow<byte[]>> _sentHeads = []; // what each worker connection's head window holds
    private long _headIds;
    private readonly List<OutgoingBatch> _dirty = [];
    private List<SchedulerInstruction>? _carrying = []; // the list Handle carries instructions from, while not in use
    private int _nextId;
    private int _depth;
    private long _busyTicks;

    private CenterHost(CenterOptions options, ILoggerFactory loggers, TimeProvider time)
    {
        _options = options;
        _log = loggers.CreateLogger("lazydist.center");
        _time = time;
        _state = new SchedulerState(new SchedulerOptions
        {
            HeartbeatTimeout = options.HeartbeatTimeout, NoWorkersTimeout = options.NoWorkersTimeout, WorkStealing = options.WorkStealing, Validate = options.ValidateState,
        }, time);
        _listener = new TcpListener(ParseBindAddress(options), options.Port);
        _admission = ConnectionGate.ForCenter(WireSecurity.Create(options.Token, options.Tls, serves: true), _log);
        _ticker = time.CreateTimer(_ =>
        {
            WarnIfNoWorkers(); // first: a tick that fails the waiting tasks is warned of too
            Post(new TickEvent(_ids.Next("tick")));
            EndLeftSessions();
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        if (options.WorkStealing)
        {
            var every = _state.Options.StealInterval;
            _balancer = time.CreateTimer(_ => Post(new BalanceEvent(_ids.Next("balance"))), null, every, every);
        }
    }

    /// <summary>The address workers and clients connect to (<c>host:port</c>, with the real port when 0 was asked).</summary>
    public string Address { get; private set; } = "";

    /// <summary>Workers connected now.</summary>
    public int WorkerCount
    {
        get
        {
            lock (_gate)
                return _state.WorkerCount;
        }
    }

    /// <summary>Time spent handling events and carrying out their instructions, in all: the center's own cost (for benchmarks).</summary>
    internal TimeSpan BusyTime
    {
        get
        {
            lock (_gate)
                return System.Diagnostics.Stopwatch.GetElapsedTime(0, _busyTicks);
        }
    }

    /// <summary>Results received from workers, in all (for tests that act at a moment of a run).</summary>
    internal long CompletedTasks
    {
        get
        {
            lock (_gate)
                return _state.CompletedTasks;
        }
    }

    /// <summary>Worker processes that replaced an earlier one, restarted by their nannies, in all.</summary>
    public int Restarts
    {
        get
        {
            lock (_gate)
                return _state.Restarts;
        }
    }

    /// <summary>Starts listening.</summary>
    /// <exception cref="InvalidOperationException">A non-loopback address without a token: shipped code would be open to anyone who can connect.</exception>
    /// <exception cref="ArgumentException">The host is not an IP address, or a TLS file is missing or unreadable; the message names it.</exception>
    /// <exception cref="SocketException">The address cannot be bound.</exception>
    public static Task<CenterHost> StartAsync(CenterOptions options, ILoggerFactory? loggers = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var host = new CenterHost(options, loggers ?? NullLoggerFactory.Instance, time ?? TimeProvider.System);
        WireSerializer.WarmUp();
        host._listener.Start();
        var bound = (IPEndPoint)host._listener.LocalEndpoint;
        host.Address = $"{options.Host}:{bound.Port}";
        lock (host._gate)
            host._state.Address = host.Address;
        host._acceptLoop = Task.Run(() => AcceptLoop.RunAsync(host._listener, host._admission, host.ServeAsync, host._time, host._stopping.Token));
        host._log.LogInformation("center listening at {Address}", host.Address);
        return Task.FromResult(host);
    }

    /// <summary>Waits until at least <paramref name="count"/> workers are connected.</summary>
    public Task WaitForWorkersAsync(int count, CancellationToken cancellationToken) =>
        WaitForAsync(state => state.WorkerCount >= count, cancellationToken);

    /// <summary>Completes once <paramref name="condition"/> holds of the scheduler's state, checked after every event.</summary>
    internal async Task WaitForAsync(Func<SchedulerState, bool> condition, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(_state))
                return;
            _waiters.Add((condition, done));
        }
        try
        {
            await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
                _waiters.RemoveAll(w => w.Done == done);
        }
    }

    private string NameOf(int id)
    {
        lock (_gate)
            return _names.GetValueOrDefault(id) ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private void WakeWaiters()
    {
        foreach (var (condition, done) in _waiters)
        {
            if (condition(_state))
                done.TrySetResult();
        }
    }

    private static IPAddress ParseBindAddress(CenterOptions options) => ListenAddress.Resolve(options.Host, options.Token, ListenerKind.Center);

    private async Task ServeAsync(WireConnection connection)
    {
        connection.Time = _time;
        int id = Interlocked.Increment(ref _nextId);
        PeerRole? role = null;
        string name = connection.Remote;
        try
        {
            var hello = await _admission.AdmitAsync(connection, _stopping.Token).ConfigureAwait(false);
            if (hello is null)
                return; // refused, and logged
            role = hello.Role;
            name = LogText.Of(hello.Name);
            connection.Send(new WelcomeMessage(id, "center")); // before any instruction the registration may cause
            Register(id, hello, connection);
            while (true)
            {
                var envelope = await connection.ReceiveAsync(_stopping.Token).ConfigureAwait(false);
                Receive(id, hello.Role, envelope, connection);
            }
        }
        catch (WireProtocolException e)
        {
            _log.LogWarning("closing the connection from {Remote} ({Name}): {Reason}", connection.Remote, name, LogText.Of(e.Message));
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            _log.LogDebug("connection from {Remote} ({Name}) closed: {Reason}", connection.Remote, name, e.Message);
        }
        finally
        {
            if (role is { } known)
                Unregister(id, known, name);
            DropBatch(connection);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Register(int id, HelloMessage hello, WireConnection connection)
    {
        if (hello.Role == PeerRole.Worker)
        {
            lock (_gate)
            {
                _workers[id] = connection;
                _names[id] = hello.Name;
            }
            Post(new WorkerJoinedEvent(id, hello.Name, hello.DataAddress!, hello.Threads, _ids.Next("worker-joined", hello.Name)));
            _log.LogInformation("worker {Name} joined: {Address}, {Threads} threads", LogText.Of(hello.Name), LogText.Of(hello.DataAddress), hello.Threads);
        }
        else
        {
            lock (_gate)
            {
                _clients[id] = connection;
                _names[id] = hello.Name;
                _code.ClientJoined(id);
            }
            _log.LogInformation("client {Name} connected from {Remote}", LogText.Of(hello.Name), connection.Remote);
        }
    }

    private void Unregister(int id, PeerRole role, string name)
    {
        if (role == PeerRole.Worker)
        {
            lock (_gate)
            {
                _workers.Remove(id);
                _names.Remove(id);
            }
            Post(new WorkerLeftEvent(id, "its connection closed", _ids.Next("worker-left", name))); // logged with what it held
        }
        else
        {
            lock (_gate)
            {
                _clients.Remove(id);
                _names.Remove(id);
            }
            Post(new ClientLeftEvent(id, _ids.Next("client-left", name)));
            EndCodeSession(id);
            _log.LogInformation("client {Name} disconnected; its keys are released", name);
        }
    }

    /// <summary>Stops listening, closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
            return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _ticker.DisposeAsync().ConfigureAwait(false);
        if (_balancer is not null)
            await _balancer.DisposeAsync().ConfigureAwait(false);
        _listener.Stop();
        await _acceptLoop.ConfigureAwait(false);
        _stopping.Dispose();
    }
}
