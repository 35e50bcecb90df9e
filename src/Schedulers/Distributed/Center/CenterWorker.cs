namespace LazyDist.Distributed.Center;

/// <summary>The center's record of one worker.</summary>
internal sealed class CenterWorker(int id, string name, string address, int threads, DateTimeOffset lastSeen)
{
    public int Id { get; } = id;
    public string Name { get; } = name;

    /// <summary>Its data endpoint, where peers and clients fetch values.</summary>
    public string Address { get; } = address;

    public int Threads { get; } = threads;
    public HashSet<CenterTask> Processing { get; } = [];
    public HashSet<CenterTask> HasWhat { get; } = [];
    public DateTimeOffset LastSeen { get; set; } = lastSeen;

    /// <summary>Keys the worker last said it holds (results and fetched copies).</summary>
    public int ReportedKeys { get; set; }

    /// <summary>Bytes the worker last said it holds (results and fetched copies).</summary>
    public long ReportedBytes { get; set; }

    /// <summary>Paused for memory: it is sent no new tasks until it resumes.</summary>
    public bool Paused { get; set; }

    /// <summary>Bytes it wrote to disk to free memory, in all (from its heartbeats).</summary>
    public long SpilledBytes { get; set; }

    /// <summary>Payload bytes this worker fetched from its peers, in all.</summary>
    public long FetchedBytes { get; set; }

    /// <summary>Processing tasks per thread: the measure of how busy it is.</summary>
    public double Occupancy => (double)Processing.Count / Threads;

    public override string ToString() => $"{Name} ({Address})";
}
