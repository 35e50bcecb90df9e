namespace LazyDist.Distributed;

/// <summary>How a <see cref="CenterHost"/> listens and schedules.</summary>
public sealed record CenterOptions
{
    /// <summary>The address to bind: loopback by default. Any other address requires a <see cref="Token"/>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one (see <see cref="CenterHost.Address"/>).</summary>
    public int Port { get; init; } = 8786;

    /// <summary>The secret every worker and client must present; empty for none (loopback only).</summary>
    public string Token { get; init; } = "";

    /// <summary>TLS for every connection to the center (a certificate and key are required); null for plain TCP.</summary>
    public TlsOptions? Tls { get; init; }

    /// <summary>A worker silent for longer than this is removed and its work recomputed.</summary>
    public TimeSpan HeartbeatTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long tasks may wait while no worker is connected before they fail with an error saying so
    /// (<c>no workers connected to HOST:PORT for 60 s</c>), instead of waiting forever (dask's
    /// <c>no-workers-timeout</c>).
    /// </summary>
    public TimeSpan NoWorkersTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Work stealing, as dask's: every 100 ms, tasks queued on a worker with more tasks than threads
    /// move to a worker with idle threads when moving their inputs costs less than their wait there.
    /// On by default; off (<c>lazydist center --no-work-stealing</c>) each task runs where it was placed.
    /// </summary>
    public bool WorkStealing { get; init; } = true;

    /// <summary>Check the scheduler's invariants after every event (slow; for tests).</summary>
    public bool ValidateState { get; init; }
}
