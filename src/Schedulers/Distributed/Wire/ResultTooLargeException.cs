namespace LazyDist.Distributed.Wire;

/// <summary>A task's result is larger than a worker may send: the task fails, by key and size.</summary>
internal sealed class ResultTooLargeException : Exception
{
    public ResultTooLargeException()
    {
    }

    public ResultTooLargeException(string message) : base(message)
    {
    }

    public ResultTooLargeException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
