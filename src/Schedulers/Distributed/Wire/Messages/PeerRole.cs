namespace LazyDist.Distributed.Wire;

/// <summary>What a connecting peer is.</summary>
internal enum PeerRole
{
    /// <summary>A worker registering with the center.</summary>
    Worker = 1,

    /// <summary>A client submitting graphs to the center.</summary>
    Client = 2,

    /// <summary>A client or worker fetching data from a worker's data port.</summary>
    DataReader = 3,
}
