using MessagePack;

namespace LazyDist.Graph;

/// <summary>
/// The one bound on nesting shared by every reader of bytes that may come from elsewhere (graphs,
/// nodes, literals, user functions, values and the types they name). Each recursive read counts
/// against the MessagePack reader's own <see cref="MessagePackReader.Depth"/>, so one bound holds
/// across codecs that call each other, and bytes nested deeper than <see cref="Max"/> fail with a
/// <see cref="FormatException"/> saying so, never with a stack overflow that would end the process.
/// </summary>
/// <remarks>
/// Writers nest far less: linear fusion inlines 8 calls deep by default and captured values stop at 48.
/// 256 levels of the deepest reader frames stay well inside a thread pool thread's 1.5 MB stack.
/// </remarks>
internal static class ReadDepth
{
    /// <summary>The deepest nesting any reader descends into.</summary>
    public const int Max = 256;

    /// <summary>Counts one level more; call <see cref="Leave"/> on the way out.</summary>
    /// <param name="reader">The reader whose depth counts the levels.</param>
    /// <param name="what">What is being read, for the message.</param>
    /// <param name="owner">The task being read, when known, for the message.</param>
    /// <exception cref="FormatException">The data is nested more than <see cref="Max"/> deep.</exception>
    public static void Enter(ref MessagePackReader reader, string what, TaskKey? owner = null)
    {
        if (++reader.Depth > Max)
        {
            throw new FormatException(owner is { } key
                ? $"task {key}: {what} nested more than {Max} deep, refused before they could exhaust the stack"
                : $"{what} nested more than {Max} deep, refused before they could exhaust the stack");
        }
    }

    /// <summary>Counts one level less. An exception abandons the reader, so no finally is needed.</summary>
    public static void Leave(ref MessagePackReader reader) => reader.Depth--;
}
