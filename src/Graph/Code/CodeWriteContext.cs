using System.Reflection;

namespace LazyDist.Graph;

/// <summary>What writing user code needs to remember: the user assemblies it named.</summary>
internal sealed class CodeWriteContext
{
    private readonly Dictionary<Assembly, AssemblyImage> _used = [];
    private readonly Dictionary<object, int> _written = new(ReferenceEqualityComparer.Instance);
    private int _count;

    /// <summary>The number an object was written under, when it was written before (closures refer to themselves).</summary>
    public bool TryGetWritten(object value, out int id) => _written.TryGetValue(value, out id);

    /// <summary>Numbers an object in the order written; the reader numbers them in the same order.</summary>
    /// <remarks>A delegate inside its own target's fields (a cached lambda) is written twice; both get numbers.</remarks>
    public void Written(object value) => _written.TryAdd(value, _count++);

    /// <summary>The user assemblies named so far.</summary>
    public IReadOnlyCollection<Assembly> Assemblies => _used.Keys;

    /// <summary>Records that the output names <paramref name="assembly"/>, and gives its image.</summary>
    public AssemblyImage Use(Assembly assembly)
    {
        if (!_used.TryGetValue(assembly, out var image))
            _used[assembly] = image = UserAssemblies.ImageOf(assembly);
        return image;
    }
}
