using LazyDist.Graph;

namespace LazyDist.Distributed.States;

/// <summary>
/// The last <see cref="Capacity"/> moves of a state machine's tasks, oldest overwritten first
/// (dask.distributed's <c>transition_log</c>): what <c>Story(key)</c> reads to tell why a task is
/// where it is, and what an invariant failure prints.
/// </summary>
/// <typeparam name="TStatus">The machine's task statuses.</typeparam>
internal sealed class TransitionLog<TStatus>(int capacity) where TStatus : struct, Enum
{
    private readonly TransitionRecord<TStatus>[] _records = new TransitionRecord<TStatus>[
        capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "a transition log needs room for at least one move")];
    private long _written;

    /// <summary>How many moves are kept.</summary>
    public int Capacity => _records.Length;

    /// <summary>Moves logged since the start, including those overwritten since.</summary>
    public long Written => _written;

    public void Add(in TransitionRecord<TStatus> record) => _records[_written++ % _records.Length] = record;

    /// <summary>The kept moves of <paramref name="key"/>, oldest first.</summary>
    public IReadOnlyList<TransitionRecord<TStatus>> Story(TaskKey key)
    {
        var story = new List<TransitionRecord<TStatus>>();
        long first = Math.Max(0, _written - _records.Length);
        for (long i = first; i < _written; i++)
        {
            ref readonly var record = ref _records[i % _records.Length];
            if (record.Key == key)
                story.Add(record);
        }
        return story;
    }

    /// <summary>The story of <paramref name="key"/> as lines of text.</summary>
    public string Tell(TaskKey key)
    {
        var story = Story(key);
        return story.Count == 0 ? $"(no moves of {key} are logged)" : string.Join("; ", story);
    }
}
