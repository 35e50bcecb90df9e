using System.Globalization;
using LazyDist.Graph;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// What a worker checks of a task's result before it holds it: that it can travel at all (naming
/// the part that cannot), and that it is no larger than the wire carries or the worker is allowed
/// to send. A result that fails fails its task, by key and size, on the worker that made it: the
/// worker carries on, and the client hears why instead of waiting for a value that can never come.
/// </summary>
internal static class ResultLimit
{
    /// <summary>Checks <paramref name="value"/>, the result of task <paramref name="key"/>.</summary>
    /// <param name="key">The task whose result it is, named in the error.</param>
    /// <param name="value">Its result.</param>
    /// <param name="maxBytes">The most bytes a result may have; null for the wire's own bound.</param>
    /// <returns>The result's size on the wire.</returns>
    /// <exception cref="NotSupportedException">The value cannot travel; the message says which part and why.</exception>
    /// <exception cref="ResultTooLargeException">The value is larger than allowed; the message names the key and both sizes.</exception>
    public static long Check(TaskKey key, object? value, long? maxBytes)
    {
        long limit = Math.Min(maxBytes ?? long.MaxValue, FrameLimits.DataReplies.MaxPayloadBytes);
        long size = ValueCodec.EncodedSize(value);
        if (size <= limit)
            return size;
        string why = maxBytes is { } max && max <= FrameLimits.DataReplies.MaxPayloadBytes
            ? "the largest result this worker may send (WorkerOptions.MaxResultBytes, --max-result-bytes)"
            : "the largest value the wire carries";
        throw new ResultTooLargeException(string.Create(CultureInfo.InvariantCulture,
            $"the result of task {key} is {Bytes(size)} ({size} bytes) of {value?.GetType().Name}, more than {Bytes(limit)} ({limit} bytes), {why}"));
    }

    /// <summary>A size for people: 2.40 GB, 8.0 MB, 512 bytes (powers of 1000).</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        >= 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.00} GB"),
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.0} kB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
