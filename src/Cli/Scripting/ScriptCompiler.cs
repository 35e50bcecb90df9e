using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace LazyDist.Cli.Scripting;

/// <summary>
/// Compiles a script (C# with top-level statements) into an assembly image, in memory, on the
/// client. Workers never compile: the image travels like any other user assembly.
/// </summary>
/// <remarks>
/// A script is compiled as a regular program, not with the Roslyn scripting API: a top-level local
/// captured by a lambda then lives in an ordinary closure class whose fields are the captured
/// values, where a scripting "submission" would make it a field of an object that holds the whole
/// host. Lambdas are shipped to workers with what they capture, so that difference matters.
/// </remarks>
internal static class ScriptCompiler
{
    private static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Regular);

    private static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(
            OutputKind.ConsoleApplication,
            optimizationLevel: OptimizationLevel.Release,
            nullableContextOptions: NullableContextOptions.Enable,
            deterministic: true)
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            // Binding to the runtime's own assemblies unifies versions; the SDK hides these too.
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        });

    private static readonly EmitOptions EmitOptions = new(debugInformationFormat: DebugInformationFormat.Embedded);

    /// <summary>Compiles <paramref name="text"/>; diagnostics and stack traces name <paramref name="path"/>.</summary>
    /// <param name="path">The script's path as the user gave it.</param>
    /// <param name="text">The script's source.</param>
    public static ScriptCompilation Compile(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var source = SourceText.From(text, Encoding.UTF8);
        var script = CSharpSyntaxTree.ParseText(source, ParseOptions, path);
        var prelude = CSharpSyntaxTree.ParseText(ScriptPrelude.Source, ParseOptions, ScriptPrelude.Path, Encoding.UTF8);
        string name = AssemblyNameFor(path, text);
        var compilation = CSharpCompilation.Create(name, [script, prelude], ScriptReferences.Get(), CompilationOptions);
        using var image = new MemoryStream();
        var result = compilation.Emit(image, options: EmitOptions, embeddedTexts: [EmbeddedText.FromSource(path, source)]);
        var diagnostics = result.Diagnostics
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
        return new ScriptCompilation(name, result.Success ? image.ToArray() : null, diagnostics);
    }

    /// <summary>
    /// The script's file name (characters outside letters, digits, '-', '_' and '.' replaced by '_')
    /// and 16 hex digits of the SHA-256 of its path and text: the same script always gets the same
    /// name, and two different ones (or one from two paths, whose embedded debug data differs) never do.
    /// </summary>
    internal static string AssemblyNameFor(string path, string text)
    {
        string stem = new([.. Path.GetFileNameWithoutExtension(path).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(path + "\n" + text));
        return $"{(stem.Length == 0 ? "script" : stem)}-{Convert.ToHexStringLower(hash)[..16]}";
    }
}
