using Microsoft.CodeAnalysis;

namespace LazyDist.Cli.Scripting;

/// <summary>
/// What a script compiles against: every assembly this process trusts (the framework, LazyDist and
/// what the CLI depends on), the same set a worker has, so a script can use nothing a worker lacks.
/// </summary>
internal static class ScriptReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> All = new(Load);

    /// <summary>The references, read once per process.</summary>
    public static IReadOnlyList<MetadataReference> Get() => All.Value;

    private static List<MetadataReference> Load()
    {
        string paths = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("the runtime lists no trusted platform assemblies, so there is nothing to compile a script against");
        return [.. paths.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(File.Exists)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
