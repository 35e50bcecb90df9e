namespace LazyDist.Distributed;

/// <summary>
/// The parts of submissions sent to the center but not yet written to its socket. The thread that
/// serializes a big graph waits while the window is full, so the graph leaves about as fast as it is
/// serialized instead of piling up in the connection's queue (a million tasks held twice over).
/// </summary>
/// <param name="size">How many parts may wait to be written.</param>
internal sealed class PartWindow(int size)
{
    private readonly object _gate = new();
    private int _unwritten;
    private bool _closed;

    /// <summary>A part was queued on the connection.</summary>
    public void Queued()
    {
        lock (_gate)
            _unwritten++;
    }

    /// <summary>A part was written (or dropped with its connection).</summary>
    public void Written()
    {
        lock (_gate)
        {
            _unwritten--;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The connection is gone: nobody waits any more.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Blocks until fewer than the window's size of parts wait to be written, or the connection is gone.</summary>
    public void WaitForRoom()
    {
        lock (_gate)
        {
            while (_unwritten >= size && !_closed)
                Monitor.Wait(_gate);
        }
    }
}
