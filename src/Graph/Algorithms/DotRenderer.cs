using System.ComponentModel;
using System.Diagnostics;

namespace LazyDist.Graph;

/// <summary>
/// Renders DOT text to a file with Graphviz's <c>dot</c> program, in the format the file's
/// extension names (<c>.svg</c>, <c>.png</c>, <c>.pdf</c>, …); <c>.dot</c> and <c>.gv</c> get the text itself.
/// </summary>
internal static class DotRenderer
{
    /// <summary>The extensions <c>dot</c> is asked for, each with its <c>-T</c> format.</summary>
    private static readonly Dictionary<string, string> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".svg"] = "svg", [".png"] = "png", [".pdf"] = "pdf", [".jpg"] = "jpg", [".jpeg"] = "jpg", [".gif"] = "gif", [".ps"] = "ps",
    };

    /// <summary>How to get Graphviz, named when <c>dot</c> cannot be started.</summary>
    internal const string InstallHint =
        "install Graphviz (Debian/Ubuntu: sudo apt-get install graphviz; Fedora: sudo dnf install graphviz; " +
        "macOS: brew install graphviz; Windows: winget install graphviz) and make sure 'dot' is on PATH, " +
        "or write the text of ToDot() to a .dot file";

    /// <summary>Writes <paramref name="dot"/> to <paramref name="path"/>, through <paramref name="executable"/> unless the file is DOT itself.</summary>
    /// <exception cref="ArgumentException">The extension names no format.</exception>
    /// <exception cref="InvalidOperationException"><c>dot</c> is not installed, or it failed; the message says which and why.</exception>
    public static void Render(string dot, string path, string executable = "dot")
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string extension = Path.GetExtension(path);
        if (extension.Equals(".dot", StringComparison.OrdinalIgnoreCase) || extension.Equals(".gv", StringComparison.OrdinalIgnoreCase))
        {
            File.WriteAllText(path, dot);
            return;
        }
        if (!Formats.TryGetValue(extension, out string? format))
        {
            throw new ArgumentException(
                $"cannot draw a graph to '{path}': the extension '{extension}' names no picture format (use .svg, .png, .pdf, .jpg, .gif, .ps, or .dot for the text)",
                nameof(path));
        }
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-T" + format);
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add(Path.GetFullPath(path));
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Graphviz's '{executable}' did not start");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"cannot draw '{path}': Graphviz's '{executable}' program was not found on PATH; {InstallHint}", e);
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            process.StandardInput.Write(dot);
            process.StandardInput.Close();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"Graphviz's '{executable}' failed to draw '{path}' (exit code {process.ExitCode}): {error.GetAwaiter().GetResult().Trim()} {output.GetAwaiter().GetResult().Trim()}".TrimEnd());
        }
    }
}
