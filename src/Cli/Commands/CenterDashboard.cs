using LazyDist.Dashboard;
using LazyDist.Distributed;
using Microsoft.Extensions.Logging;

namespace LazyDist.Cli.Commands;

/// <summary>
/// The center command's dashboard, started beside the center. A port the user chose with <c>--dashboard-port</c>
/// must be had (a taken one is a run failure naming it); the default one, when taken (another center on this
/// machine), gives way to any free port with a warning, as dask's dashboard does.
/// </summary>
internal static class CenterDashboard
{
    public static async Task<DashboardServer> StartAsync(CenterHost center, string host, int port, bool portChosen, string token, ILoggerFactory loggers)
    {
        try
        {
            return await StartOnAsync(port);
        }
        catch (IOException) when (!portChosen && port != 0)
        {
            var server = await StartOnAsync(0);
            loggers.CreateLogger("lazydist.center").LogWarning(
                "the dashboard's port {Port} is already in use (another center?); serving the dashboard at {Address} instead", port, server.BaseAddress);
            return server;
        }

        async Task<DashboardServer> StartOnAsync(int on)
        {
            try
            {
                return await DashboardServer.StartAsync(center, new DashboardOptions { Host = host, Port = on, Token = token }, loggers);
            }
            catch (IOException e) when (on == 0 || portChosen)
            {
                throw new RunFailedException($"{e.Message} (--dashboard-port, or --no-dashboard)", e);
            }
        }
    }
}
