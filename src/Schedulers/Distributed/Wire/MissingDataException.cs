using LazyDist.Graph;

namespace LazyDist.Distributed.Wire;

/// <summary>A worker was asked for a key it does not hold.</summary>
internal sealed class MissingDataException : Exception
{
    public MissingDataException()
    {
    }

    public MissingDataException(string message) : base(message)
    {
    }

    public MissingDataException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public MissingDataException(TaskKey key, string holder) : base($"the worker at {holder} does not hold {key}")
    {
        Key = key;
        Holder = holder;
    }

    public TaskKey Key { get; }

    public string Holder { get; } = "";
}
