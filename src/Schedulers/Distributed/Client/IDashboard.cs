namespace LazyDist.Distributed;

/// <summary>A web dashboard serving a center's state (the LazyDist.Dashboard package's <c>DashboardServer</c>).</summary>
public interface IDashboard : IAsyncDisposable
{
    /// <summary>The address to open in a browser, with the token when the center has one.</summary>
    string Url { get; }
}

/// <summary>Starts a dashboard for <paramref name="center"/>, whose workers and clients present <paramref name="token"/> (empty for none).</summary>
/// <param name="center">The center to show.</param>
/// <param name="token">The center's token: the dashboard asks for it too.</param>
/// <param name="cancellationToken">Stops starting.</param>
public delegate Task<IDashboard> DashboardStarter(CenterHost center, string token, CancellationToken cancellationToken);
