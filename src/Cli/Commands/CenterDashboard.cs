using LazyDist.Dashboard;
using LazyDist.Distributed;
using Microsoft.Extensions.Logging;

namespace LazyDist.Cli.Commands;

/// <summary>The center command's dashboard: started beside the center, a taken port reported as a run failure that names it.</summary>
internal static class CenterDashboard
{
    public static async Task<DashboardServer> StartAsync(CenterHost center, string host, int port, string token, ILoggerFactory loggers)
    {
        try
        {
            return await DashboardServer.StartAsync(center, new DashboardOptions { Host = host, Port = port, Token = token }, loggers);
        }
        catch (IOException e)
        {
            throw new RunFailedException($"{e.Message} (--dashboard-port, or --no-dashboard)", e);
        }
    }
}
