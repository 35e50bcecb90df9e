namespace LazyDist.Dashboard;

/// <summary>Where a <see cref="DashboardServer"/> listens and how often it updates.</summary>
public sealed record DashboardOptions
{
    /// <summary>The address to bind: loopback by default. Any other address requires a <see cref="Token"/>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port (dask's 8787 by default); 0 picks a free one.</summary>
    public int Port { get; init; } = 8787;

    /// <summary>The secret a browser must present once (<c>?token=</c>, then a cookie) or with every request (<c>Authorization: Bearer</c>); empty for none.</summary>
    public string Token { get; init; } = "";

    /// <summary>How often a watched page receives an update.</summary>
    public TimeSpan UpdateInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How far back the task stream reaches.</summary>
    public TimeSpan TaskStreamSpan { get; init; } = TimeSpan.FromMinutes(5);
}
