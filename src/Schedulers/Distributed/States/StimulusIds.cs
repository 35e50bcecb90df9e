using System.Globalization;

namespace LazyDist.Distributed.States;

/// <summary>
/// Makes descriptive stimulus ids, <c>kind-source-n</c> (<c>task-finished-w1-17</c>,
/// <c>graph-submitted-client-3-2</c>), unique within one process: the id an event gets where it
/// starts, travels on the wire message it causes, and is logged with every move it makes.
/// </summary>
internal sealed class StimulusIds
{
    private long _next;

    public string Next(string kind, string source) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}-{source}-{Interlocked.Increment(ref _next)}");

    public string Next(string kind) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}-{Interlocked.Increment(ref _next)}");
}
