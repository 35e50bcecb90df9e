using LazyDist.Graph;

namespace LazyDist.Schedulers.Local;

/// <summary>
/// Drives one <see cref="LocalRun"/> on dedicated threads. Each thread takes the best ready task
/// under the lock, runs it outside the lock, and completes it under the lock; idle threads wait on
/// the lock's monitor and are woken when tasks become ready or the run stops.
/// </summary>
internal sealed class ThreadedRun
{
    private readonly LocalRun _run;
    // A plain object, not System.Threading.Lock: idle threads use Monitor.Wait on it.
    private readonly object _gate = new();
    private readonly TaskCompletionSource<object?[]> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _cancellation;
    private bool _stopped;
    private int _idle;

    public ThreadedRun(LocalRun run, int threads, CancellationToken cancellationToken)
    {
        _run = run;
        _cancellation = cancellationToken.Register(() => Stop(() => _completion.TrySetCanceled(cancellationToken)));
        for (int i = 0; i < threads; i++)
        {
            var thread = new Thread(Work) { IsBackground = true, Name = $"lazydist-thread-{i}" };
            thread.Start();
        }
    }

    public Task<object?[]> Completion => _completion.Task;

    private void Work()
    {
        try
        {
            Loop();
        }
        catch (Exception unexpected)
        {
            // A fault of the scheduler itself (not of a task): fail the run rather than the process.
            Stop(() => _completion.TrySetException(unexpected));
        }
    }

    private void Loop()
    {
        int task = -1;
        object? result = null;
        while (true)
        {
            lock (_gate)
            {
                if (task >= 0 && !_stopped)
                {
                    _run.Complete(task, result);
                    result = null;
                    if (_run.IsFinished)
                    {
                        _stopped = true;
                        Monitor.PulseAll(_gate);
                        _completion.TrySetResult(_run.Results());
                        break;
                    }
                    // This thread takes one of the ready tasks; wake the others for the rest.
                    if (_idle > 0 && _run.ReadyCount > 1)
                        Monitor.PulseAll(_gate);
                }
                while (!_stopped && !_run.TryTake(out task))
                {
                    _idle++;
                    Monitor.Wait(_gate);
                    _idle--;
                }
                if (_stopped)
                    return;
            }
            try
            {
                result = _run.Execute(task);
            }
            catch (TaskFailedException failure)
            {
                Stop(() => _completion.TrySetException(failure));
                return;
            }
        }
        // Outside the lock: Dispose waits for a cancellation callback already running, and that callback
        // (Stop) takes the lock.
        _cancellation.Dispose();
    }

    private void Stop(Action complete)
    {
        lock (_gate)
        {
            if (_stopped)
                return;
            _stopped = true;
            Monitor.PulseAll(_gate);
        }
        complete();
        _cancellation.Dispose();
    }
}
