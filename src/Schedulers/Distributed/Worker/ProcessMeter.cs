using System.Diagnostics;

namespace LazyDist.Distributed.Worker;

/// <summary>Measures this process for the dashboard: resident memory and CPU used since the previous reading.</summary>
internal sealed class ProcessMeter(TimeProvider time)
{
    private TimeSpan _lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
    private long _lastTimestamp = time.GetTimestamp();

    /// <summary>Resident bytes now, and CPU since the previous call in percent of one core.</summary>
    public (long ProcessBytes, double CpuPercent) Read()
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        long now = time.GetTimestamp();
        var elapsed = time.GetElapsedTime(_lastTimestamp, now);
        double percent = elapsed > TimeSpan.Zero ? 100.0 * (cpu - _lastCpu).TotalSeconds / elapsed.TotalSeconds : 0;
        _lastCpu = cpu;
        _lastTimestamp = now;
        return (process.WorkingSet64, Math.Max(0, percent));
    }
}
