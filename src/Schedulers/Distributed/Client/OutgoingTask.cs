using LazyDist.Graph;

namespace LazyDist.Distributed;

/// <summary>A task on its way to the center.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Node">Its node; a <see cref="TaskNode.IsRemote"/> node is not sent (the center holds that key already).</param>
/// <param name="Serialized">The node's bytes when already made (for a key derived from them), else null.</param>
/// <param name="Priority">Its static priority within the submission: lower runs first.</param>
internal readonly record struct OutgoingTask(TaskKey Key, TaskNode Node, byte[]? Serialized, long Priority);
