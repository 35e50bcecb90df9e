namespace LazyDist.Distributed;

/// <summary>Where a <see cref="Future{T}"/> stands (dask's <c>future.status</c>).</summary>
public enum FutureStatus
{
    /// <summary>Not computed yet.</summary>
    Pending,

    /// <summary>Computed: the value is held on the cluster.</summary>
    Finished,

    /// <summary>The task, or one it depends on, failed; or the connection to the center was lost.</summary>
    Error,

    /// <summary>Cancelled by this client.</summary>
    Cancelled,
}
