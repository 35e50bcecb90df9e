using LazyDist.Distributed.Center;
using LazyDist.Distributed.Wire;
using Microsoft.Extensions.Logging;

namespace LazyDist.Distributed;

public sealed partial class CenterHost
{
    /// <summary>Keys named in one log line at most; the rest are counted.</summary>
    private const int KeysNamed = 5;

    /// <summary>What a leaving worker's log line needs from the state before the event removes it: what it held and ran.</summary>
    private (CenterWorker Worker, CenterTask[] Running, CenterTask[] OnlyHere)? _leaving;

    /// <summary>Notes what an event's log line needs from the state before the event changes it. Callers hold the lock.</summary>
    private void BeforeEvent(SchedulerEvent stimulus)
    {
        _leaving = stimulus is WorkerLeftEvent e && _state.Workers.TryGetValue(e.WorkerId, out var worker)
            ? (worker, [.. worker.Processing], [.. worker.HasWhat.Where(t => t.WhoHas.Count == 1 && t.IsNeeded)])
            : null;
        if (stimulus is GraphSubmittedEvent g)
            _log.LogInformation("client {Client} submitted {Tasks} tasks, {Wanted} wanted{Part}", NameOf(g.ClientId), g.Tasks.Count, g.Wanted.Count, g.More ? " (a part; more follow)" : "");
    }

    /// <summary>Logs what an event did that an operator should see: failures, and workers lost with what they held. Callers hold the lock.</summary>
    private void AfterEvent(SchedulerEvent stimulus)
    {
        switch (stimulus)
        {
            case TaskErredEvent e:
                _log.LogWarning("task {Key} failed on worker {Worker}: {ExceptionType}: {Message}", e.Run.Key, NameOf(e.WorkerId), LogText.Of(e.Error.ExceptionType), LogText.Of(e.Error.Message));
                break;
            case WorkerLeftEvent e when _leaving is { } leaving:
                LogLeft(leaving.Worker, leaving.Running, leaving.OnlyHere, e.Reason);
                break;
        }
        _leaving = null;
    }

    /// <summary>A worker is gone: what it held, what will be recomputed, and any task found to be a worker killer.</summary>
    private void LogLeft(CenterWorker worker, CenterTask[] running, CenterTask[] onlyHere, string reason)
    {
        var killers = running.Where(t => t.Status == CenterTaskStatus.Erred && t.Error?.ExceptionType == "LazyDist.KilledWorker").ToList();
        var rerun = running.Where(t => t.IsPending).ToList();
        var lost = onlyHere.Where(t => t.IsPending).ToList(); // its results nobody else held, back to waiting: recomputed from lineage
        int held = Math.Max(worker.ReportedKeys, onlyHere.Length);
        if (rerun.Count == 0 && lost.Count == 0 && killers.Count == 0)
        {
            _log.LogInformation("worker {Name} left ({Reason}); it held {Held} keys, nothing to recompute", worker.Name, reason, held);
        }
        else
        {
            _log.LogWarning("worker {Name} lost ({Reason}); it held {Held} keys; to recompute: {Rerun} tasks it was running ({RerunKeys}) and {Lost} results only it held ({LostKeys})",
                worker.Name, reason, held, rerun.Count, Named(rerun), lost.Count, Named(lost));
        }
        foreach (var killer in killers)
            _log.LogError("task {Key} is a worker killer: {Message}", killer.Key, killer.Error!.Message);
    }

    private static string Named(List<CenterTask> tasks) =>
        tasks.Count == 0 ? "none" : string.Join(", ", tasks.Take(KeysNamed).Select(t => t.Key.ToString())) + (tasks.Count > KeysNamed ? $", … {tasks.Count - KeysNamed} more" : "");
}
