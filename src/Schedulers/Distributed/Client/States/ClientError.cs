using LazyDist.Distributed.Center;
using LazyDist.Graph;

namespace LazyDist.Distributed.Client;

/// <summary>Why a key's value cannot be had, as data: the host turns it into the exception its callers see.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Key">The key asked for.</param>
/// <param name="FailedKey">The task that failed (for <see cref="ClientErrorKind.TaskFailed"/>).</param>
/// <param name="Error">The task's exception, as text (for <see cref="ClientErrorKind.TaskFailed"/>).</param>
/// <param name="Message">A sentence that says what happened.</param>
internal sealed record ClientError(ClientErrorKind Kind, TaskKey Key, TaskKey FailedKey, ErrorInfo? Error, string Message);

/// <summary>The kinds of <see cref="ClientError"/>.</summary>
internal enum ClientErrorKind
{
    /// <summary>The key's task or one it depends on threw (or killed workers).</summary>
    TaskFailed,

    /// <summary>The key was cancelled.</summary>
    Cancelled,

    /// <summary>Nothing here holds the key any more.</summary>
    Released,

    /// <summary>The connection to the center is gone.</summary>
    Lost,

    /// <summary>The key's value arrived but could not be decoded.</summary>
    Unreadable,
}
