using System.Globalization;
using LazyDist.Distributed.Wire;
using Microsoft.Extensions.Logging;
using static LazyDist.Distributed.Nanny.NannyStatus;

namespace LazyDist.Distributed.Nanny;

/// <summary>
/// The nanny's decisions, as a state machine with no I/O (dask's <c>Nanny</c>): it starts a worker
/// process, replaces it when it dies or crosses the memory terminate threshold, and stops it
/// cleanly when asked. Events in, whole instruction lists out; every status change goes through
/// the (from, to) table.
/// </summary>
/// <remarks>
/// Exit codes of the worker process: 0 is a clean stop (a signal to it, or its parent) and ends the
/// nanny too; 1 is a lost center, which a new process would not find either, so the nanny ends with
/// 1; 2 is a setting the worker cannot start with (an unreadable TLS file) and ends the nanny with 2.
/// Any other exit (a crash, a kill) is a death: the nanny starts a new process under the same name,
/// unless <see cref="NannyOptions.MaxQuickDeaths"/> processes in a row died within
/// <see cref="NannyOptions.QuickDeath"/> of starting, which is a crash loop, not bad luck.
/// </remarks>
internal sealed class NannyState
{
    private static readonly HashSet<(NannyStatus From, NannyStatus To)> Moves =
    [
        (Idle, Running), (Running, Running), (Running, Replacing), (Running, Stopping), (Running, Exited),
        (Replacing, Running), (Replacing, Stopping), (Replacing, Exited), (Stopping, Exited),
    ];

    private readonly string _name;
    private readonly long? _memoryLimit;
    private readonly NannyOptions _options;
    private readonly TimeProvider _time;
    private readonly List<NannyInstruction> _out = [];
    private DateTimeOffset _startedAt;
    private int _quickDeaths;
    private string? _replaceReason;
    private bool _countsAsDeath;

    public NannyState(string name, long? memoryLimit, NannyOptions options, TimeProvider? time = null)
    {
        _name = name;
        _memoryLimit = memoryLimit;
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Where the nanny is.</summary>
    public NannyStatus Status { get; private set; } = Idle;

    /// <summary>Worker processes started to replace an earlier one.</summary>
    public int Restarts { get; private set; }

    /// <summary>Applies one event and returns what the host must do.</summary>
    /// <exception cref="InvalidOperationException">A bug: a move the table does not allow.</exception>
    public IReadOnlyList<NannyInstruction> Handle(NannyEvent stimulus)
    {
        ArgumentNullException.ThrowIfNull(stimulus);
        _out.Clear();
        switch (stimulus)
        {
            case NannyStartedEvent when Status == Idle:
                Start(null);
                break;
            case ChildExitedEvent e:
                ChildExited(e.ExitCode);
                break;
            case MemorySampledEvent e when Status == Running && _options.Restarts && _memoryLimit is { } limit && e.Bytes > limit * _options.TerminateFraction:
                Replace(string.Create(CultureInfo.InvariantCulture, $"exceeded {_options.TerminateFraction * 100:0.#}% of {ResultLimit.Bytes(limit)} ({ResultLimit.Bytes(e.Bytes)})"), countsAsDeath: true);
                break;
            case RestartRequestedEvent e when Status == Running:
                Replace(e.Reason, countsAsDeath: false);
                break;
            case StopRequestedEvent when Status is Running or Replacing:
                bool replacing = Status == Replacing;
                MoveTo(Stopping);
                if (!replacing)
                    _out.Add(new StopChildInstruction()); // a process being killed needs no asking
                break;
            case StopRequestedEvent when Status == Idle:
                Status = Exited;
                _out.Add(new ExitInstruction(0));
                break;
            default:
                break; // late or irrelevant: a sample while stopping, a second stop
        }
        return [.. _out];
    }

    private void Start(string? restartReason)
    {
        MoveTo(Running);
        _startedAt = _time.GetUtcNow();
        _out.Add(new StartChildInstruction(restartReason));
    }

    private void Replace(string reason, bool countsAsDeath)
    {
        MoveTo(Replacing);
        _replaceReason = reason;
        _countsAsDeath = countsAsDeath;
        _out.Add(new LogInstruction(LogLevel.Warning, $"worker {_name} {reason}; restarting"));
        _out.Add(new KillChildInstruction());
    }

    private void ChildExited(int code)
    {
        switch (Status)
        {
            case Stopping:
                Exit(LogLevel.Information, $"worker {_name} stopped (exit {code}); the nanny stops", 0);
                break;
            case Replacing:
                if (_countsAsDeath && !Survived())
                    return;
                Restarts++;
                Start(_replaceReason);
                break;
            case Running when code == 0:
                Exit(LogLevel.Information, $"worker {_name} stopped; the nanny stops", 0);
                break;
            case Running when code == 1:
                Exit(LogLevel.Error, $"worker {_name} lost its center (exit 1); the nanny stops", 1);
                break;
            case Running when code == 2:
                Exit(LogLevel.Error, $"worker {_name} cannot start with these settings (exit 2; its output says why); the nanny stops", 2);
                break;
            case Running when !_options.Restarts:
                Exit(LogLevel.Warning, $"worker {_name} died (exit {code}); not restarted", 1);
                break;
            case Running:
                _replaceReason = $"died (exit {code})";
                if (!Survived())
                    return;
                _out.Add(new LogInstruction(LogLevel.Warning, $"worker {_name} {_replaceReason}; restarting"));
                Restarts++;
                Start(_replaceReason);
                break;
        }
    }

    /// <summary>Counts a death within the quick-death window; false (and the nanny exits) when too many came in a row.</summary>
    private bool Survived()
    {
        bool quick = _time.GetUtcNow() - _startedAt < _options.QuickDeath;
        _quickDeaths = quick ? _quickDeaths + 1 : 0;
        if (_quickDeaths < _options.MaxQuickDeaths)
            return true;
        Exit(LogLevel.Error, string.Create(CultureInfo.InvariantCulture, $"worker {_name} {_replaceReason}, {_quickDeaths} times in a row within {_options.QuickDeath.TotalSeconds:0.#} s of starting; the nanny gives up"), 1);
        return false;
    }

    private void Exit(LogLevel level, string text, int code)
    {
        MoveTo(Exited);
        _out.Add(new LogInstruction(level, text));
        _out.Add(new ExitInstruction(code));
    }

    private void MoveTo(NannyStatus to)
    {
        if (!Moves.Contains((Status, to)))
            throw new InvalidOperationException($"nanny of {_name}: impossible transition from {Status} to {to}");
        Status = to;
    }
}
