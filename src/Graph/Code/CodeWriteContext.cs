using System.Reflection;

namespace LazyDist.Graph;

/// <summary>What writing user code needs to remember: the user assemblies it named.</summary>
internal sealed class CodeWriteContext
{
    // Made on first use: most literals are plain numbers and never need them.
    private Dictionary<Assembly, AssemblyImage>? _used;
    private Dictionary<object, int>? _written;
    private int _count;

    /// <summary>Nothing was written through it (a plain number): it can serve the next literal.</summary>
    public bool IsUnused => _used is null && _written is null && _count == 0;

    /// <summary>The number an object was written under, when it was written before (closures refer to themselves).</summary>
    public bool TryGetWritten(object value, out int id)
    {
        id = 0;
        return _written?.TryGetValue(value, out id) == true;
    }

    /// <summary>Numbers an object in the order written; the reader numbers them in the same order.</summary>
    /// <remarks>A delegate inside its own target's fields (a cached lambda) is written twice; both get numbers.</remarks>
    public void Written(object value) => (_written ??= new(ReferenceEqualityComparer.Instance)).TryAdd(value, _count++);

    /// <summary>The user assemblies named so far.</summary>
    public IReadOnlyCollection<Assembly> Assemblies => _used is null ? [] : _used.Keys;

    /// <summary>Records that the output names <paramref name="assembly"/>, and gives its image.</summary>
    public AssemblyImage Use(Assembly assembly)
    {
        _used ??= [];
        if (!_used.TryGetValue(assembly, out var image))
            _used[assembly] = image = UserAssemblies.ImageOf(assembly);
        return image;
    }
}
