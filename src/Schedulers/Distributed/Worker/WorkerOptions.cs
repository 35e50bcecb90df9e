namespace LazyDist.Distributed;

/// <summary>How a <see cref="WorkerHost"/> joins its center.</summary>
public sealed record WorkerOptions
{
    /// <summary>The center's address, <c>host:port</c>.</summary>
    public required string CenterAddress { get; init; }

    /// <summary>The cluster's token; empty for none.</summary>
    public string Token { get; init; } = "";

    /// <summary>Executor threads (default: one per core).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>The worker's name in logs and errors (default: <c>worker-PID</c>).</summary>
    public string Name { get; init; } = $"worker-{Environment.ProcessId}";

    /// <summary>The address the data port binds to and advertises; peers and clients must reach it.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TLS for the center, peers and the data port (a certificate and key are required, as the data port serves); null for plain TCP.</summary>
    public TlsOptions? Tls { get; init; }

    /// <summary>The most bytes a task's result may have on the wire; a larger one fails its task, by key and size. Null: no bound but the wire's.</summary>
    public long? MaxResultBytes { get; init; }

    /// <summary>The worker's memory limit in bytes; its nanny replaces the worker process above <see cref="NannyOptions.TerminateFraction"/> of it. Null: no limit.</summary>
    public long? MemoryLimit { get; init; }

    /// <summary>Why this worker process replaces an earlier one of the same name (set by its nanny; the center logs it and counts the restart).</summary>
    internal string? RestartReason { get; init; }

    /// <summary>How often the worker tells the center it is alive.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the worker keeps trying to reach a lost (or not yet started) center before it exits.</summary>
    public TimeSpan CenterTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Check the worker's invariants after every event, and its store against them (slow; for tests).</summary>
    public bool ValidateState { get; init; }
}
