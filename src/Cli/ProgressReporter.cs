using LazyDist.Graph;

namespace LazyDist.Cli;

/// <summary>Draws "done/total tasks" on stderr while a run goes, only when stderr is a terminal.</summary>
internal sealed class ProgressReporter : IDisposable
{
    private readonly IReportsRunStatistics _scheduler;
    private readonly TextWriter _error;
    private readonly Timer _timer;
    private bool _drawn;

    private ProgressReporter(IReportsRunStatistics scheduler, TextWriter error)
    {
        _scheduler = scheduler;
        _error = error;
        _timer = new Timer(_ => Draw(), null, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200));
    }

    public static ProgressReporter? StartIfTerminal(IScheduler scheduler, TextWriter error) =>
        scheduler is IReportsRunStatistics observed && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected
            ? new ProgressReporter(observed, error)
            : null;

    public void Finish()
    {
        _timer.Dispose();
        lock (_timer)
        {
            if (_drawn)
                _error.Write("\r\x1b[K");
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Draw()
    {
        if (_scheduler.LastRun is not { } run)
            return;
        lock (_timer)
        {
            int width = 30, filled = run.TotalTasks == 0 ? width : width * run.CompletedTasks / run.TotalTasks;
            _error.Write($"\r[{new string('#', filled)}{new string(' ', width - filled)}] {run.CompletedTasks}/{run.TotalTasks} tasks");
            _drawn = true;
        }
    }
}
