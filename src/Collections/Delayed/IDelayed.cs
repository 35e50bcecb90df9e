using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>A lazy value of any type: its key and the graph that computes it.</summary>
public interface IDelayed
{
    /// <summary>The key of the task whose result is this value.</summary>
    TaskKey Key { get; }

    /// <summary>The graph that computes <see cref="Key"/>, built anew on each call.</summary>
    TaskGraph Graph { get; }
}
