namespace LazyDist.Graph;

/// <summary>
/// Counters of one run, updated while it goes (so progress can be read from another thread):
/// tasks done, and the most values held at once — all of them, the chunks among them (values
/// that are arrays) and their bytes. Memory bounds are tested on these counters, not on timing.
/// </summary>
public sealed class RunStatistics
{
    private int _completedTasks;
    private int _heldValues;
    private int _heldChunks;
    private long _heldBytes;

    /// <summary>Creates the counters for a run of <paramref name="totalTasks"/> tasks.</summary>
    public RunStatistics(int totalTasks) => TotalTasks = totalTasks;

    /// <summary>The tasks in the run (after culling).</summary>
    public int TotalTasks { get; }

    /// <summary>The tasks finished so far.</summary>
    public int CompletedTasks => Volatile.Read(ref _completedTasks);

    /// <summary>The most task results held in memory at once.</summary>
    public int PeakHeldValues { get; private set; }

    /// <summary>The most array results (chunks) held in memory at once.</summary>
    public int PeakHeldChunks { get; private set; }

    /// <summary>The most bytes of array results held at once (other values count 8 bytes).</summary>
    public long PeakHeldBytes { get; private set; }

    /// <summary>Bytes of array results held now (other values count 8 bytes).</summary>
    public long HeldBytes => _heldBytes;

    /// <summary>How long the run took, once it ended.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>Records a finished task whose result is now held. Not thread-safe: callers serialize.</summary>
    public void TaskCompleted(object? result)
    {
        Volatile.Write(ref _completedTasks, _completedTasks + 1);
        Hold(result, +1);
    }

    /// <summary>Records that a held result was dropped. Not thread-safe: callers serialize.</summary>
    public void Released(object? result) => Hold(result, -1);

    private void Hold(object? value, int sign)
    {
        _heldValues += sign;
        if (value is Array array)
        {
            _heldChunks += sign;
            bool primitive = array.GetType().GetElementType()!.IsPrimitive;
            _heldBytes += sign * (primitive ? Buffer.ByteLength(array) : 8L * array.Length);
        }
        else
        {
            _heldBytes += sign * 8L;
        }
        PeakHeldValues = Math.Max(PeakHeldValues, _heldValues);
        PeakHeldChunks = Math.Max(PeakHeldChunks, _heldChunks);
        PeakHeldBytes = Math.Max(PeakHeldBytes, _heldBytes);
    }
}
