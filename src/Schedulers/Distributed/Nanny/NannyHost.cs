using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace LazyDist.Distributed.Nanny;

/// <summary>
/// Carries out a <see cref="NannyState"/>'s instructions on a real worker process: starts it,
/// watches its exit and its memory, kills or stops it. A thin host: every decision is the state's.
/// <c>lazydist worker</c> runs one; a <see cref="LocalCluster"/> runs one per worker process.
/// </summary>
internal sealed class NannyHost : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly NannyState _state;
    private readonly NannyOptions _options;
    private readonly Func<string?, Process> _start;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly string _name;
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ITimer? _memory;
    private ITimer? _grace;
    private Process? _child;
    private int _processId;

    /// <param name="name">The worker's name, the same for every process the nanny starts.</param>
    /// <param name="memoryLimit">The worker's memory limit; null or 0 for none (memory is then not watched).</param>
    /// <param name="options">Thresholds and periods.</param>
    /// <param name="start">Starts a worker process, given why it replaces the last one (null for the first).</param>
    /// <param name="log">Where the nanny says what it does.</param>
    /// <param name="time">The clock of the quick-death window, the memory period and the stop grace.</param>
    public NannyHost(string name, long? memoryLimit, NannyOptions options, Func<string?, Process> start, ILogger log, TimeProvider? time = null)
    {
        _name = name;
        _options = options;
        _start = start;
        _log = log;
        _time = time ?? TimeProvider.System;
        memoryLimit = memoryLimit is > 0 ? memoryLimit : null; // 0 is a worker's "no limit" (WorkerOptions.MemoryLimit)
        _state = new NannyState(name, memoryLimit, options, _time);
        if (memoryLimit is not null)
            _memory = _time.CreateTimer(_ => Sample(), null, options.MemoryInterval, options.MemoryInterval);
    }

    /// <summary>Completes with the nanny's exit code once it is done (see <see cref="NannyState"/>).</summary>
    public Task<int> Completion => _exit.Task;

    /// <summary>The process id of the worker process started last.</summary>
    public int ProcessId
    {
        get
        {
            lock (_gate)
                return _processId;
        }
    }

    /// <summary>Worker processes started to replace an earlier one.</summary>
    public int Restarts
    {
        get
        {
            lock (_gate)
                return _state.Restarts;
        }
    }

    /// <summary>Starts the first worker process.</summary>
    public void Start() => Post(new NannyStartedEvent());

    /// <summary>Stops the worker process cleanly, then the nanny.</summary>
    public void Stop() => Post(new StopRequestedEvent());

    /// <summary>Kills the worker process and starts a new one, telling the center <paramref name="reason"/>.</summary>
    public void Restart(string reason) => Post(new RestartRequestedEvent(reason));

    private void Post(NannyEvent stimulus, Process? from = null)
    {
        lock (_gate)
        {
            if (from is not null && from != _child)
                return; // about a process already replaced
            foreach (var instruction in _state.Handle(stimulus))
                Carry(instruction);
        }
    }

    private void Carry(NannyInstruction instruction)
    {
        switch (instruction)
        {
            case StartChildInstruction i:
                StartChild(i.RestartReason);
                break;
            case KillChildInstruction:
                Kill(_child);
                break;
            case StopChildInstruction:
                try
                {
                    _child?.StandardInput.Close(); // the worker process's cue to stop
                }
                catch (Exception e) when (e is IOException or InvalidOperationException)
                {
                    // Already gone: its exit is on its way.
                }
                var stopping = _child;
                _grace = _time.CreateTimer(_ => Kill(stopping), null, _options.StopGrace, Timeout.InfiniteTimeSpan);
                break;
            case ExitInstruction i:
                _memory?.Dispose();
                _grace?.Dispose();
                _exit.TrySetResult(i.Code);
                break;
            case LogInstruction i:
                _log.Log(i.Level, "{Text}", i.Text);
                break;
            default:
                throw new InvalidOperationException($"the nanny's host cannot carry out {instruction}");
        }
    }

    private void StartChild(string? restartReason)
    {
        _child?.Dispose();
        _child = null;
        Process child;
        try
        {
            child = _start(restartReason);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or IOException)
        {
            _log.LogError("cannot start a process for worker {Name}: {Reason}", _name, e.Message);
            _ = Task.Run(() => Post(new ChildExitedEvent(2)));
            return;
        }
        _child = child;
        _processId = child.Id;
        _log.LogInformation("worker {Name} runs as process {Pid}", _name, child.Id);
        _ = WatchAsync(child);
    }

    private async Task WatchAsync(Process child)
    {
        await child.WaitForExitAsync().ConfigureAwait(false);
        Post(new ChildExitedEvent(child.ExitCode), child);
    }

    private void Sample()
    {
        Process? child;
        lock (_gate)
            child = _state.Status == NannyStatus.Running ? _child : null;
        if (child is null)
            return;
        long bytes;
        try
        {
            child.Refresh();
            bytes = child.WorkingSet64;
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            return; // exited meanwhile
        }
        Post(new MemorySampledEvent(bytes), child);
    }

    private static void Kill(Process? child)
    {
        try
        {
            child?.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // Already gone.
        }
    }

    /// <summary>Stops the worker process (killing it after the grace period) and waits for the nanny to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        Stop();
        await Completion.ConfigureAwait(false);
        lock (_gate)
        {
            _child?.Dispose();
            _child = null;
        }
    }
}
