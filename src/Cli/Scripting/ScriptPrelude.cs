namespace LazyDist.Cli.Scripting;

/// <summary>
/// The source compiled beside every script: global usings for the namespaces a script needs and
/// for <see cref="ScriptGlobals"/>, so that <c>Scheduler</c> is in scope.
/// </summary>
internal static class ScriptPrelude
{
    /// <summary>The path the prelude's syntax tree is given (it appears in no diagnostic unless LazyDist is broken).</summary>
    public const string Path = "lazydist-script-prelude.cs";

    /// <summary>The namespaces every script imports.</summary>
    public static readonly IReadOnlyList<string> Namespaces =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Threading", "System.Threading.Tasks",
        "LazyDist.Graph", "LazyDist.Schedulers", "LazyDist.Collections", "LazyDist.Distributed",
    ];

    /// <summary>The prelude's source text.</summary>
    public static string Source { get; } =
        string.Concat(Namespaces.Select(n => $"global using global::{n};\n")) +
        $"global using static global::{typeof(ScriptGlobals).FullName};\n";
}
