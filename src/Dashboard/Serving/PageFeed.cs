using System.Text;
using LazyDist.Dashboard.Rendering;

namespace LazyDist.Dashboard.Serving;

/// <summary>
/// Each page's latest update as a server-sent event, rendered at most once per update interval
/// and shared by every browser watching that page: the center's snapshot, the rendering and the
/// UTF-8 encoding are paid once per page, not once per watcher.
/// </summary>
internal sealed class PageFeed
{
    /// <summary>How many times its own rendering time a page waits at least before its next rendering, so a watched page costs the center at most 2% of its time whatever the graph's size.</summary>
    private const int RenderCostFactor = 50;

    private readonly DashboardView _view;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Slot> _slots;

    private static ReadOnlySpan<byte> EventLine => "event: update\n"u8;

    private static ReadOnlySpan<byte> DataField => "data: "u8;

    public PageFeed(DashboardView view, TimeSpan interval, TimeProvider time)
    {
        _view = view;
        _interval = interval;
        _time = time;
        _slots = DashboardPage.Pages.ToDictionary(p => p.Path, _ => new Slot(), StringComparer.Ordinal);
    }

    /// <summary>
    /// The page's latest event, rendered now if the last one is older than its wait: the update
    /// interval, or <see cref="RenderCostFactor"/> times its rendering time when that is longer
    /// (the graph page walks every task under the center's lock). Watchers of one page take turns.
    /// </summary>
    /// <exception cref="ArgumentException">There is no page <paramref name="page"/>.</exception>
    public Frame Latest(string page)
    {
        if (!_slots.TryGetValue(page, out var slot))
            throw new ArgumentException($"the dashboard has no page '{page}'", nameof(page));
        lock (slot)
        {
            if (slot.Frame is { } frame && _time.GetElapsedTime(frame.RenderedAt) < frame.Wait)
                return frame;
            long started = _time.GetTimestamp();
            string content = _view.Render(page);
            var cost = _time.GetElapsedTime(started);
            var wait = cost * RenderCostFactor > _interval ? cost * RenderCostFactor : _interval;
            return slot.Frame = new Frame(Encode(content), started, wait);
        }
    }

    /// <summary>
    /// A server-sent event named <c>update</c> whose data lines are <paramref name="content"/>'s lines (split at
    /// <c>\n</c>, a trailing <c>\r</c> dropped), encoded straight into one array of its exact size: the task
    /// stream's update is ~160 KB, and this runs at every update of a watched page.
    /// </summary>
    internal static byte[] Encode(string content)
    {
        var lines = new List<Range>();
        for (int start = 0; ; )
        {
            int end = content.IndexOf('\n', start);
            int stop = end < 0 ? content.Length : end;
            int trimmed = stop;
            while (trimmed > start && content[trimmed - 1] == '\r')
                trimmed--;
            lines.Add(start..trimmed);
            if (end < 0)
                break;
            start = end + 1;
        }
        int size = EventLine.Length + 1;
        foreach (var line in lines)
            size += DataField.Length + Encoding.UTF8.GetByteCount(content.AsSpan(line)) + 1;
        var bytes = new byte[size];
        var rest = bytes.AsSpan();
        Put(EventLine, ref rest);
        foreach (var line in lines)
        {
            Put(DataField, ref rest);
            rest = rest[Encoding.UTF8.GetBytes(content.AsSpan(line), rest)..];
            Put("\n"u8, ref rest);
        }
        Put("\n"u8, ref rest);
        return bytes;
    }

    private static void Put(ReadOnlySpan<byte> what, ref Span<byte> rest)
    {
        what.CopyTo(rest);
        rest = rest[what.Length..];
    }

    /// <summary>One page's latest event: its bytes, when its rendering began (a <see cref="TimeProvider"/> timestamp) and how long it stays current.</summary>
    internal sealed record Frame(byte[] Event, long RenderedAt, TimeSpan Wait);

    private sealed class Slot
    {
        public Frame? Frame { get; set; }
    }
}
