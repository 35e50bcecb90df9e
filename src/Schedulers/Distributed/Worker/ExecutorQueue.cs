namespace LazyDist.Distributed.Worker;

/// <summary>
/// The tasks a worker's executor threads take, in the order the state machine started them. An idle
/// thread sleeps on the monitor until work comes (no spinning: on a busy machine a spinning thread
/// burns the core the work needs); <see cref="Count"/> tells a finishing thread whether more is
/// coming right away, so it can hold its report back and send several in one message.
/// </summary>
internal sealed class ExecutorQueue<T>
{
    private readonly Queue<T> _items = new();
    private bool _completed;

    /// <summary>Tasks waiting for a thread.</summary>
    public int Count
    {
        get
        {
            lock (_items)
                return _items.Count;
        }
    }

    public void Add(T item)
    {
        lock (_items)
        {
            if (_completed)
                return;
            _items.Enqueue(item);
            Monitor.Pulse(_items);
        }
    }

    /// <summary>Waits for the next task; false once the queue is completed.</summary>
    public bool TryTake(out T item)
    {
        lock (_items)
        {
            while (_items.Count == 0 && !_completed)
                Monitor.Wait(_items);
            return _items.TryDequeue(out item!) && !_completed;
        }
    }

    /// <summary>Lets every waiting thread go; nothing more is taken.</summary>
    public void Complete()
    {
        lock (_items)
        {
            _completed = true;
            _items.Clear();
            Monitor.PulseAll(_items);
        }
    }
}
