using System.Globalization;
using static LazyDist.Distributed.Center.CenterTaskStatus;

namespace LazyDist.Distributed.Center;

/// <summary>Tasks that cannot run because no worker is connected: after <see cref="SchedulerOptions.NoWorkersTimeout"/> they fail saying so.</summary>
internal sealed partial class SchedulerState
{
    /// <summary>The center's address, for the no-workers error (set by the host once it listens).</summary>
    public string Address { get; set; } = "the center";

    /// <summary>Since when tasks have been waiting with no worker connected; null while none wait or a worker is connected.</summary>
    public DateTimeOffset? UnrunnableSince { get; private set; }

    /// <summary>Tasks ready to run that wait for a worker to join.</summary>
    public int UnrunnableTasks => _workers.Count == 0 ? _noWorker.Count + _queuedRoots.Count : 0;

    /// <summary>After every event: starts or ends the no-workers wait.</summary>
    private void TrackUnrunnable()
    {
        if (UnrunnableTasks == 0)
            UnrunnableSince = null;
        else
            UnrunnableSince ??= _now;
    }

    /// <summary>On a tick: fails every task that has waited for a worker for longer than the timeout, and what depends on it.</summary>
    private void FailUnrunnable()
    {
        if (UnrunnableSince is not { } since || _now - since < Options.NoWorkersTimeout)
            return;
        var error = new ErrorInfo("LazyDist.NoWorkers",
            string.Create(CultureInfo.InvariantCulture, $"no workers connected to {Address} for {Options.NoWorkersTimeout.TotalSeconds:0.#} s"), null);
        foreach (var task in _noWorker.Concat(_queuedRoots).ToList())
        {
            if (task.Status is NoWorker or Queued)
                Fail(task, error);
        }
    }
}
