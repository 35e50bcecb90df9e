namespace LazyDist.Distributed.Nanny;

/// <summary>Where a nanny is in its worker process's life.</summary>
internal enum NannyStatus
{
    /// <summary>Not started yet.</summary>
    Idle,

    /// <summary>A worker process runs.</summary>
    Running,

    /// <summary>The worker process is being killed, to be replaced.</summary>
    Replacing,

    /// <summary>The worker process is being stopped, and the nanny with it.</summary>
    Stopping,

    /// <summary>Done.</summary>
    Exited,
}
