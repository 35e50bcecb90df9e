using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>The inside of a delayed value: where its tasks come from, or the plain value it wraps.</summary>
internal interface ISourced : IDelayed
{
    /// <summary>The source of its tasks.</summary>
    IGraphSource Source { get; }

    /// <summary>The plain value it wraps when it came from an implicit conversion; such values
    /// are passed to calls as literals rather than as tasks of their own.</summary>
    Literal? Inline { get; }
}
