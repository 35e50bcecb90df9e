using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LazyDist.Cli.Scripting;

/// <summary>
/// A compiled script: its assembly name and image (<see langword="null"/> when there were errors)
/// and what the compiler said about it.
/// </summary>
/// <param name="AssemblyName">The script's file name and a hash of its path and text, e.g. <c>seed-3f2a9c1b07d4e8a6</c>.</param>
/// <param name="Image">The emitted assembly with its portable PDB and source embedded, or <see langword="null"/>.</param>
/// <param name="Diagnostics">Errors and warnings, in source order.</param>
internal sealed record ScriptCompilation(string AssemblyName, byte[]? Image, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Whether an image was emitted.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Image))]
    public bool Succeeded => Image is not null;

    /// <summary>The errors: non-empty exactly when there is no image.</summary>
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The warnings.</summary>
    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);
}
