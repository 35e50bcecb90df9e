using System.Diagnostics.Tracing;
using System.Globalization;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// Which types this process allocates, by the runtime's own sampling: it raises an
/// <c>AllocationTick</c> event about every 100 KB allocated, naming the type of the object that
/// crossed the mark, so each tick stands for about 100 KB of that type. No profiler or trace file
/// is needed; the tiny-tasks runner's <c>--allocations</c> prints the top types.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private volatile bool _counting;

    /// <summary>Starts or stops counting ticks (between repeats, so the warm-ups are left out).</summary>
    public bool Counting
    {
        get => _counting;
        set => _counting = value;
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_counting || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
            return;
        int nameAt = eventData.PayloadNames!.IndexOf("TypeName");
        int amountAt = eventData.PayloadNames.IndexOf("AllocationAmount64");
        if (nameAt < 0 || amountAt < 0)
            return;
        string type = eventData.Payload[nameAt] as string ?? "?";
        long amount = Convert.ToInt64(eventData.Payload[amountAt], CultureInfo.InvariantCulture);
        lock (_gate)
            _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
    }

    /// <summary>Forgets what was counted.</summary>
    public void Reset()
    {
        lock (_gate)
            _bytes.Clear();
    }

    /// <summary>Writes the <paramref name="top"/> types by sampled bytes, per task of <paramref name="tasks"/>.</summary>
    public void Report(TextWriter log, long tasks, int top = 30)
    {
        lock (_gate)
        {
            long all = _bytes.Values.Sum();
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# allocations sampled: {all / (double)tasks:F0} B per task"));
            foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(top))
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"#   {bytes / (double)tasks,8:F1} B  {type}"));
        }
    }
}
