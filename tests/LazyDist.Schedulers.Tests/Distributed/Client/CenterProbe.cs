using LazyDist.Distributed;
using LazyDist.Distributed.Center;

namespace LazyDist.Schedulers.Tests.Distributed.Client;

/// <summary>Reads and waits on the center's state from tests, without sleeping.</summary>
internal static class CenterProbe
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    /// <summary>Reads something of the center's state, between two events.</summary>
    public static async Task<T> ReadAsync<T>(this CenterHost center, Func<SchedulerState, T> read)
    {
        T value = default!;
        await center.WaitForAsync(s => { value = read(s); return true; }, CancellationToken.None).WaitAsync(Bound);
        return value;
    }

    /// <summary>Waits, at most <see cref="Bound"/>, until <paramref name="condition"/> holds of the center's state.</summary>
    public static Task UntilAsync(this CenterHost center, Func<SchedulerState, bool> condition) =>
        center.WaitForAsync(condition, CancellationToken.None).WaitAsync(Bound);
}
