namespace LazyDist.Distributed;

/// <summary>
/// One handle's interest in a key held on the cluster (a <see cref="Future{T}"/>'s or a
/// <see cref="RemoteData{T}"/>'s). Released at once by <see cref="Release"/>; when the handle is
/// dropped without that, its finalizer hands the key to the client, which releases it soon after
/// (never blocking or locking on the finalizer thread).
/// </summary>
internal sealed class KeyLease
{
    private int _released;

    public KeyLease(DistributedScheduler client, PendingKey pending)
    {
        Client = client;
        Pending = pending;
    }

    ~KeyLease()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
            Client.EnqueueRelease(Pending);
    }

    /// <summary>The client that holds the key.</summary>
    public DistributedScheduler Client { get; }

    /// <summary>The client's record of the key.</summary>
    public PendingKey Pending { get; }

    /// <summary>Whether this handle has let go of the key.</summary>
    public bool IsReleased => Volatile.Read(ref _released) != 0;

    /// <summary>Lets go of the key now (idempotent); the center deletes it when nothing else wants it.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
            Client.Release([Pending]); // the finalizer then finds it released and does nothing
    }

    /// <summary>Marks the lease let go without telling the client (the key was cancelled, which released it).</summary>
    /// <returns>Whether it was held until now.</returns>
    public bool Forget() => Interlocked.Exchange(ref _released, 1) == 0;
}
