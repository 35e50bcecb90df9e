using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>How a pipeline task gets its elements: a function <c>(input, head sink) → true</c> over a resolved input.</summary>
/// <param name="Kind">What the fusion rule may assume (a plain partition can be replaced by the pipeline that makes it).</param>
/// <param name="Function">A <c>Func&lt;object?, object, bool&gt;</c>.</param>
/// <param name="Input">What the function reads: a partition, a list of buckets, a literal.</param>
internal sealed record SourceSpec(SourceKind Kind, Delegate Function, TaskArg Input);

/// <summary>A step of a pipeline: a function <c>(next sink, input) → sink</c>.</summary>
/// <param name="Function">A <c>Func&lt;object, object?, object&gt;</c>.</param>
/// <param name="Input">What the step reads besides the elements (an offset, a broadcast table), or a null literal.</param>
internal sealed record StageSpec(Delegate Function, TaskArg Input);

/// <summary>The end of a pipeline: a function <c>(input) → terminal sink</c>.</summary>
/// <param name="Kind">Whether it just collects the elements into a partition (what fusion may merge into a reader).</param>
/// <param name="Function">A <c>Func&lt;object?, object&gt;</c>.</param>
/// <param name="Input">What the sink reads besides the elements, or a null literal.</param>
internal sealed record SinkSpec(SinkKind Kind, Delegate Function, TaskArg Input);

/// <summary>Sources the fusion rule can see through.</summary>
internal enum SourceKind
{
    /// <summary>The elements of one partition, in order.</summary>
    Partition = 0,

    /// <summary>Anything else (files, buckets, joins).</summary>
    Other = 1,
}

/// <summary>Sinks the fusion rule can see through.</summary>
internal enum SinkKind
{
    /// <summary>Collects the elements into a partition.</summary>
    List = 0,

    /// <summary>Anything else (buckets, partial reductions, files).</summary>
    Other = 1,
}
