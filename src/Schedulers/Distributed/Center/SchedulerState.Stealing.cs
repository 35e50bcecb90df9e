using static LazyDist.Distributed.Center.CenterTaskStatus;

namespace LazyDist.Distributed.Center;

/// <summary>
/// Work stealing, as dask.distributed's <c>WorkStealing</c>: a task goes to the worker that holds
/// its inputs, so data placement can give one worker a long queue while another has idle threads.
/// Each <see cref="BalanceEvent"/> finds idle workers (not paused, with a free thread, or with less
/// queued work per thread than one pass lasts, counting what is coming) and saturated ones (more tasks than threads, or paused with tasks), and asks a saturated
/// worker to give up its last-queued task when the task would finish sooner on the idle worker,
/// inputs moved and all: <c>transfer + duration ≤ victim's wait − duration / 2</c>, where the
/// transfer is the input bytes the thief lacks over <see cref="SchedulerOptions.Bandwidth"/> plus
/// <see cref="SchedulerOptions.StealLatency"/>, durations are the per-prefix exponential averages,
/// and the wait is the victim's queued work per thread (endless while it is paused).
/// </summary>
/// <remarks>
/// Two phases, so a task never runs twice and is never lost: the task stays processing on the
/// victim until the victim answers. A victim that had only queued it drops it and says so; then
/// it goes to the thief, or (the thief gone or paused meanwhile) is placed afresh. A victim
/// running it, done with it or without it keeps it: it is not asked again while there. An answer
/// that no longer matches (the task finished, failed, was released, moved or resent meanwhile,
/// or the victim died and its tasks were requeued) is ignored: leaving processing on the victim
/// ends its steal.
/// </remarks>
internal sealed partial class SchedulerState
{
    private readonly Dictionary<CenterTask, Steal> _steals = [];

    /// <summary>Steal requests sent, in all.</summary>
    public long StealRequests { get; private set; }

    /// <summary>Tasks a victim gave up and the center moved, in all.</summary>
    public long StolenTasks { get; private set; }

    /// <summary>Steal requests in flight (for tests).</summary>
    public int StealsInFlight => _steals.Count;

    private void Balance()
    {
        if (!Options.WorkStealing || _workers.Count < 2)
            return;
        var incoming = new Dictionary<CenterWorker, (int Count, double Seconds)>();
        var outgoing = new Dictionary<CenterWorker, (int Count, double Seconds)>();
        foreach (var steal in _steals.Values)
        {
            double seconds = Seconds(steal.Task);
            var (ins, inSeconds) = incoming.GetValueOrDefault(steal.Thief);
            incoming[steal.Thief] = (ins + 1, inSeconds + seconds);
            var (outs, outSeconds) = outgoing.GetValueOrDefault(steal.Victim);
            outgoing[steal.Victim] = (outs + 1, outSeconds + seconds);
        }
        // Thieves: a free thread, or less queued work per thread than one pass lasts (so short tasks keep it busy until the next).
        var thieves = new List<Thief>();
        foreach (var worker in _workers.Values)
        {
            var (ins, inSeconds) = incoming.GetValueOrDefault(worker);
            var thief = new Thief(worker, worker.Threads - worker.Processing.Count - ins, Wait(worker) + inSeconds / worker.Threads);
            if (!worker.Paused && thief.HasRoom(Options.StealInterval))
                thieves.Add(thief);
        }
        if (thieves.Count == 0)
            return;
        var victims = new List<Victim>();
        foreach (var worker in _workers.Values)
        {
            var (outs, outSeconds) = outgoing.GetValueOrDefault(worker);
            int left = worker.Processing.Count - outs;
            if (left > Running(worker))
                victims.Add(new Victim(worker, left, Wait(worker) - outSeconds / worker.Threads, Candidates(worker)));
        }
        if (victims.Count == 0)
            return;
        foreach (var thief in thieves.OrderBy(t => t.Occupancy).ThenBy(t => t.Worker.Id))
        {
            while (thief.HasRoom(Options.StealInterval) && StealOne(thief, victims))
            {
            }
        }
    }

    /// <summary>Asks the most loaded victim for one task worth moving to <paramref name="thief"/>; false when none is.</summary>
    private bool StealOne(Thief thief, List<Victim> victims)
    {
        // With a free thread the task starts at once there; otherwise after the thief's own queue.
        double start = thief.Free > 0 ? 0 : thief.Occupancy;
        foreach (var victim in victims.OrderByDescending(v => v.Wait).ThenBy(v => v.Worker.Id))
        {
            if (victim.Worker == thief.Worker)
                continue;
            for (int i = 0; i < victim.Candidates.Count && victim.Left > Running(victim.Worker); i++)
            {
                var task = victim.Candidates[i];
                double duration = Seconds(task);
                if (duration < Options.MinStealDuration.TotalSeconds || start + TransferSeconds(task, thief.Worker) + duration > victim.Wait - duration / 2)
                    continue; // not worth moving to this thief (another may lack less of its input)
                victim.Candidates.RemoveAt(i);
                victim.Left--;
                victim.Wait -= duration / victim.Worker.Threads;
                thief.Free--;
                thief.Occupancy += duration / thief.Worker.Threads;
                _steals[task] = new Steal(task, victim.Worker, thief.Worker, _stimulus);
                StealRequests++;
                Emit(new StealRequestInstruction(victim.Worker.Id, task.Key, thief.Worker.Id, _stimulus));
                return true;
            }
        }
        return false;
    }

    private void StealResponse(StealResponseEvent e)
    {
        if (!_tasks.TryGetValue(e.Key, out var task) || !_steals.TryGetValue(task, out var steal)
            || steal.Victim.Id != e.WorkerId || steal.StimulusId != e.StimulusId)
            return; // stale: the task left processing on the victim meanwhile, which ended the steal
        _steals.Remove(task);
        if (!e.Stolen)
        {
            task.KeptByWorker = true; // it runs there: asking again would only cost round trips
            return;
        }
        StolenTasks++;
        if (_workers.TryGetValue(steal.Thief.Id, out var thief) && ReferenceEquals(thief, steal.Thief) && !thief.Paused)
            Transition(task, Processing, thief);
        else
            Requeue(task); // the thief died or paused meanwhile: place it afresh
    }

    /// <summary>The victim's tasks that may be asked for, the last to run (highest priority number) first.</summary>
    private List<CenterTask> Candidates(CenterWorker worker)
    {
        var tasks = worker.Processing.Where(t => !t.KeptByWorker && !_steals.ContainsKey(t)).ToList();
        tasks.Sort(ByPriority.Instance);
        tasks.Reverse();
        return tasks;
    }

    /// <summary>How many of a worker's tasks may be running (not stealable): its threads, none while paused.</summary>
    private static int Running(CenterWorker worker) => worker.Paused ? 0 : worker.Threads;

    /// <summary>How long the last task queued on <paramref name="worker"/> waits before it finishes there, in seconds (endless while paused).</summary>
    private double Wait(CenterWorker worker)
    {
        if (worker.Paused)
            return double.PositiveInfinity;
        double total = 0;
        foreach (var task in worker.Processing)
            total += Seconds(task);
        return total / worker.Threads;
    }

    /// <summary>The expected run time of a task, from its prefix's average.</summary>
    private double Seconds(CenterTask task) => (task.Prefix.AverageDuration ?? Options.UnknownTaskDuration).TotalSeconds;

    /// <summary>Seconds to move the inputs <paramref name="thief"/> lacks, plus the fixed cost of a move.</summary>
    private double TransferSeconds(CenterTask task, CenterWorker thief)
    {
        long bytes = 0;
        foreach (var dep in task.Dependencies)
        {
            if (!dep.WhoHas.Contains(thief))
                bytes += dep.NBytes;
        }
        return bytes / Options.Bandwidth + Options.StealLatency.TotalSeconds;
    }

    /// <summary>A steal in flight: the victim has been asked and has not answered.</summary>
    private sealed record Steal(CenterTask Task, CenterWorker Victim, CenterWorker Thief, string StimulusId);

    /// <summary>A worker with room during one balance pass: its free threads and queued work per thread, raised by each task asked for it.</summary>
    private sealed class Thief(CenterWorker worker, int free, double occupancy)
    {
        public CenterWorker Worker { get; } = worker;
        public int Free { get; set; } = free;
        public double Occupancy { get; set; } = occupancy;

        public bool HasRoom(TimeSpan interval) => Free > 0 || Occupancy < interval.TotalSeconds;
    }

    /// <summary>A saturated worker during one balance pass: its wait, lowered by each task asked of it.</summary>
    private sealed class Victim(CenterWorker worker, int left, double wait, List<CenterTask> candidates)
    {
        public CenterWorker Worker { get; } = worker;

        /// <summary>Its tasks not being stolen.</summary>
        public int Left { get; set; } = left;

        public double Wait { get; set; } = wait;
        public List<CenterTask> Candidates { get; } = candidates;
    }
}
