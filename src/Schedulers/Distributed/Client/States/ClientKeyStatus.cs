namespace LazyDist.Distributed.Client;

/// <summary>Where a key this client holds is, as the client knows it. Moves follow <see cref="ClientState"/>'s transition table.</summary>
internal enum ClientKeyStatus
{
    /// <summary>New (the first move of a key's story starts here).</summary>
    Released,

    /// <summary>Submitted; the center has not said it is in memory or failed.</summary>
    Pending,

    /// <summary>Held by the workers the center named last.</summary>
    Memory,

    /// <summary>It, or a task it depends on, failed.</summary>
    Erred,

    /// <summary>Cancelled by this client.</summary>
    Cancelled,

    /// <summary>The connection to the center was lost before it was computed.</summary>
    Lost,

    /// <summary>No longer held by anything here (the last move of a key's story).</summary>
    Forgotten,
}
