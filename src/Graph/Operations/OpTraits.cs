namespace LazyDist.Graph;

/// <summary>
/// What a scheduler may assume about an operation. Together they let a local scheduler recycle a
/// chunk's memory the moment it is dropped: a fresh array read only by operations that keep no
/// reference to it is garbage once its last reader has run, so its buffer can be reused at once
/// instead of being returned to the OS and faulted in again.
/// </summary>
[Flags]
public enum OpTraits
{
    /// <summary>Nothing is assumed.</summary>
    None = 0,

    /// <summary>The result is a newly allocated array that nothing else references.</summary>
    ReturnsFreshArray = 1,

    /// <summary>The operation neither returns nor stores any of its arguments (nor parts of them).</summary>
    RetainsNoInput = 2,
}
