using System.Text;
using LazyDist.Graph;

namespace LazyDist.Cli.Scripting;

/// <summary>How an exception thrown by a script is printed: <c>error: </c>, type, message, stack.</summary>
internal static class ScriptFailure
{
    /// <summary>
    /// The report of <paramref name="exception"/>: <c>error: Type: message</c>, then (for a
    /// <see cref="TaskFailedException"/>) <c>key: </c> and the failing key and, when the task threw
    /// in another process, the stack where it threw; then the inner exception and the stack (without
    /// the frames of <c>lazydist</c> that called the script), as
    /// <see cref="Exception.ToString"/> gives them (frames of the script read <c>script.csx:line N</c>).
    /// </summary>
    public static string Format(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = new StringBuilder();
        text.Append("error: ").Append(exception.GetType().FullName).Append(": ").AppendLine(exception.Message);
        if (exception is TaskFailedException failed)
        {
            text.Append("key: ").AppendLine(failed.Key.ToString());
            if (failed.InnerException is null && failed.OriginalStackTrace is { Length: > 0 } remote)
                text.AppendLine("where the task threw:").AppendLine(remote).AppendLine("   --- where the script waited for it ---");
        }
        if (exception.InnerException is { } inner)
            text.Append(" ---> ").AppendLine(inner.ToString()).AppendLine("   --- End of inner exception stack trace ---");
        if (exception.StackTrace is { Length: > 0 } stack)
            text.AppendLine(WithoutHostFrames(stack));
        return text.ToString();
    }

    /// <summary>
    /// The stack without the frames of <c>lazydist</c> calling the script: from the first frame of
    /// <see cref="ScriptRunner"/> on, and the reflection frames and async markers just above it.
    /// </summary>
    internal static string WithoutHostFrames(string stack)
    {
        var lines = stack.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int runner = lines.FindIndex(l => l.TrimStart().StartsWith($"at {typeof(ScriptRunner).FullName}.", StringComparison.Ordinal));
        if (runner < 0)
            return stack;
        int end = runner;
        while (end > 0 && IsHostLine(lines[end - 1]))
            end--;
        return string.Join(Environment.NewLine, lines.Take(end));
    }

    private static bool IsHostLine(string line)
    {
        string trimmed = line.TrimStart();
        return trimmed.StartsWith("at System.Reflection.", StringComparison.Ordinal) || trimmed.StartsWith("--- End of stack trace", StringComparison.Ordinal);
    }
}
