namespace LazyDist.Graph;

/// <summary>The operations every graph may use: a stored value and a list of results.</summary>
internal static class CoreOperations
{
    /// <summary>Returns its one argument: a node that holds data (dask's <c>DataNode</c>).</summary>
    public const string Value = "value";

    /// <summary>Returns its arguments as an <c>object?[]</c>.</summary>
    public const string List = "list";

    public static void RegisterAll()
    {
        OperationRegistry.Register(Value, static args => args[0]);
        OperationRegistry.Register(List, static args => args);
    }
}
