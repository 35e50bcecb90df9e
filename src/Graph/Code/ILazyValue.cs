namespace LazyDist.Graph;

/// <summary>
/// A lazy value named by a key (a <c>Delayed&lt;T&gt;</c>). A function that captures one depends on
/// its key: the task computes it first, and in another process the captured field holds a lazy
/// value that already has the computed value, so calling <c>Compute()</c> on it there costs nothing.
/// </summary>
public interface ILazyValue
{
    /// <summary>The key of the value.</summary>
    TaskKey Key { get; }

    /// <summary>A lazy value of this same type that holds <paramref name="value"/>, computed.</summary>
    /// <param name="value">The computed value of <see cref="Key"/>.</param>
    object Resolved(object? value);
}
