using System.Runtime.ExceptionServices;

namespace LazyDist.Collections;

/// <summary>
/// Hands the partitions a local run finishes to one consumer that takes them in order, with backpressure:
/// a task that finishes a partition while more than <c>window</c> wait to be taken, the consumer's next
/// one among them, waits until the consumer takes one. When the consumer waits for a partition not yet
/// made, no task waits (the run must be free to make it), so the run never deadlocks on its consumer.
/// With a scheduler that runs partitions in about index order, at most <c>window</c> + threads
/// partitions are held at once.
/// </summary>
internal sealed class PartitionHandoff
{
    // A plain object: tasks wait on its monitor.
    private readonly object _gate = new();
    private readonly Dictionary<int, object?> _held = [];
    private readonly int _window;
    private int _next;
    private int _waiting;
    private bool _closed;
    private bool _ended;
    private ExceptionDispatchInfo? _failure;
    private TaskCompletionSource? _arrival;
    private (int Count, TaskCompletionSource Signal)? _waitingWatch;

    /// <summary>A handoff that lets a finishing task go on while at most <paramref name="window"/> partitions wait.</summary>
    public PartitionHandoff(int window)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        _window = window;
    }

    /// <summary>The most partitions held at once.</summary>
    public int MaxHeld { get; private set; }

    /// <summary>Partitions made and not yet taken.</summary>
    public int Held
    {
        get
        {
            lock (_gate)
                return _held.Count;
        }
    }

    /// <summary>Called by the run's task for partition <paramref name="index"/>; returns once the consumer is not too far behind.</summary>
    public void Put(int index, object? block)
    {
        lock (_gate)
        {
            if (_closed)
                return;
            _held[index] = block;
            MaxHeld = Math.Max(MaxHeld, _held.Count);
            if (index == _next)
                _arrival?.TrySetResult();
            if (!MustWait())
                return;
            _waiting++;
            if (_waitingWatch is { } watch && _waiting >= watch.Count)
                watch.Signal.TrySetResult();
            while (MustWait())
                Monitor.Wait(_gate);
            _waiting--;
        }
    }

    /// <summary>The run ended, with <paramref name="failure"/> or without: a partition still awaited will not come.</summary>
    public void End(Exception? failure)
    {
        lock (_gate)
        {
            _ended = true;
            _failure = failure is null ? null : ExceptionDispatchInfo.Capture(failure);
            _arrival?.TrySetResult();
        }
    }

    /// <summary>The consumer stopped: every waiting task goes on, later partitions are dropped as they come.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            _held.Clear();
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Partition <paramref name="index"/> once it is made; the consumer takes partitions 0, 1, 2, … in turn.</summary>
    /// <exception cref="InvalidOperationException">The run ended without making it.</exception>
    public async ValueTask<object?> TakeAsync(int index, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task arrival;
            lock (_gate)
            {
                _next = index;
                if (_held.Remove(index, out var block))
                {
                    _next = index + 1;
                    Monitor.PulseAll(_gate);
                    return block;
                }
                _failure?.Throw();
                if (_ended)
                    throw new InvalidOperationException($"The run ended without partition {index}.");
                // Waiting for a partition not yet made: every waiting task must go on so the run can make it.
                Monitor.PulseAll(_gate);
                _arrival = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                arrival = _arrival.Task;
            }
            await arrival.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Completes once <paramref name="count"/> tasks wait at the same time (tests watch backpressure with it).</summary>
    public Task WhenWaiting(int count)
    {
        lock (_gate)
        {
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_waiting >= count)
                signal.SetResult();
            else
                _waitingWatch = (count, signal);
            return signal.Task;
        }
    }

    private bool MustWait() => !_closed && _held.Count > _window && _held.ContainsKey(_next);
}
