namespace LazyDist.Graph;

/// <summary>A graph cannot run: a key is missing or tasks depend on each other in a cycle.</summary>
public sealed class GraphValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GraphValidationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GraphValidationException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public GraphValidationException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception naming the keys involved.</summary>
    public GraphValidationException(string message, IReadOnlyList<TaskKey> keys) : base(message) => Keys = keys;

    /// <summary>The keys involved: the missing key and the task that needs it, or the cycle in order.</summary>
    public IReadOnlyList<TaskKey> Keys { get; } = [];

    internal static GraphValidationException MissingRequested(TaskKey key) =>
        new($"requested key {key} is not in the graph", [key]);

    internal static GraphValidationException MissingDependency(TaskKey task, TaskKey missing) =>
        new($"task {task} depends on {missing}, which is not in the graph", [task, missing]);
}
