namespace LazyDist.Graph;

/// <summary>The operations every graph may use: a stored value, a list of results, and data already on a cluster.</summary>
internal static class CoreOperations
{
    /// <summary>Returns its one argument: a node that holds data (dask's <c>DataNode</c>).</summary>
    public const string Value = "value";

    /// <summary>Returns its arguments as an <c>object?[]</c>.</summary>
    public const string List = "list";

    /// <summary>
    /// Marks a key whose value already lives on a cluster (a future's or a remote proxy's key):
    /// a cluster client sends no task for it, and any other scheduler cannot run it.
    /// </summary>
    public const string Remote = "remote";

    public static void RegisterAll()
    {
        OperationRegistry.Register(Value, static args => args[0]);
        OperationRegistry.Register(List, static args => args);
        OperationRegistry.Register(Remote, static args => throw new InvalidOperationException(
            $"{args[0]} is data held on the cluster at {args[1] ?? "(unknown)"}, not a task this scheduler can run; " +
            "compute this graph with a DistributedScheduler (or LocalCluster) connected to the cluster that holds it"));
    }
}
