using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Security.Cryptography;

namespace LazyDist.Graph;

/// <summary>
/// The user assemblies a graph's operations live in, as content: name, SHA-256 and bytes.
/// The framework and the LazyDist libraries (with what they depend on) are <em>shared</em>: every
/// process has them, so they never travel. Every other assembly is user code, shipped by content
/// hash. An assembly loaded from a file is read from its file; one emitted in memory (a compiled
/// script) must be <see cref="Register">registered</see> with its bytes before its code can travel.
/// </summary>
public static class UserAssemblies
{
    private static readonly ConditionalWeakTable<Assembly, AssemblyImage> Images = new();
    private static readonly ConditionalWeakTable<Assembly, StrongBox<bool>> Shared = new(); // asked for every type written
    private static readonly Lazy<HashSet<string>> SharedNames = new(FindSharedNames);
    private static readonly string FrameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? "";
    // Weak: a worker registers the assemblies it loads into a session's collectible context.
    private static readonly string[] LibraryNames = ["LazyDist.Graph", "LazyDist.Schedulers", "LazyDist.Collections", "lazydist"];
    private static readonly ConcurrentDictionary<string, WeakReference<Assembly>> ByHash = new(StringComparer.Ordinal);

    /// <summary>Records the bytes of an assembly that was loaded from memory, so that its code can travel.</summary>
    /// <param name="assembly">The loaded assembly.</param>
    /// <param name="image">The exact bytes it was loaded from.</param>
    /// <exception cref="ArgumentException">The bytes are empty.</exception>
    public static void Register(Assembly assembly, byte[] image)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(image);
        if (image.Length == 0)
            throw new ArgumentException("an assembly image cannot be empty", nameof(image));
        var entry = AssemblyImage.Of(assembly.GetName().Name ?? assembly.FullName ?? "?", image);
        Images.AddOrUpdate(assembly, entry);
        // The first live registration wins: in a process that is both client and worker (tests), the
        // client's own copy, not a session's, is what values of those types are read as.
        ByHash.AddOrUpdate(entry.Hash, _ => new WeakReference<Assembly>(assembly),
            (_, old) => old.TryGetTarget(out Assembly? _) ? old : new WeakReference<Assembly>(assembly));
    }

    /// <summary>Whether every process has <paramref name="assembly"/> (the framework, or LazyDist and its dependencies).</summary>
    public static bool IsShared(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return Shared.GetValue(assembly, static a => new StrongBox<bool>(FindShared(a))).Value;
    }

    private static bool FindShared(Assembly assembly)
    {
        if (AssemblyLoadContext.GetLoadContext(assembly) is { } context && context != AssemblyLoadContext.Default)
            return false; // a copy in a load context of its own is always user code
        return IsSharedName(assembly.GetName().Name) ||
            (!assembly.IsDynamic && assembly.Location.Length > 0 && Path.GetDirectoryName(assembly.Location) == FrameworkDirectory);
    }

    /// <summary>Whether an assembly of this simple name is shared: the framework or LazyDist and its dependencies.</summary>
    internal static bool IsSharedName(string? name) =>
        name is not null && (SharedNames.Value.Contains(name) || name is "mscorlib" or "netstandard" || name.StartsWith("System.", StringComparison.Ordinal));

    /// <summary>The name, hash and bytes of a user assembly.</summary>
    /// <exception cref="NotSupportedException">It was loaded from memory and never registered, or is dynamic.</exception>
    internal static AssemblyImage ImageOf(Assembly assembly) =>
        Images.GetValue(assembly, static a =>
        {
            if (a.IsDynamic || a.Location.Length == 0)
                throw new NotSupportedException(
                    $"assembly {a.GetName().Name} was loaded from memory, so its code cannot travel; " +
                    "register its bytes with UserAssemblies.Register");
            var image = AssemblyImage.Of(a.GetName().Name ?? a.FullName ?? "?", File.ReadAllBytes(a.Location));
            ByHash.TryAdd(image.Hash, new WeakReference<Assembly>(a));
            return image;
        });

    /// <summary>A user assembly of this process whose image has <paramref name="hash"/>, if one was imaged here.</summary>
    internal static Assembly? FindByHash(string hash) =>
        ByHash.TryGetValue(hash, out var entry) && entry.TryGetTarget(out var assembly) ? assembly : null;

    /// <summary>
    /// <paramref name="root"/> and the user assemblies it references, directly or not, that can be
    /// found in its load context. A reference that cannot be found is left out; a worker that needs
    /// it fails the task naming it.
    /// </summary>
    internal static IReadOnlyList<(Assembly Assembly, AssemblyImage Image)> Closure(Assembly root)
    {
        var found = new List<(Assembly, AssemblyImage)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<Assembly>();
        stack.Push(root);
        seen.Add(root.GetName().Name ?? "");
        var context = AssemblyLoadContext.GetLoadContext(root) ?? AssemblyLoadContext.Default;
        while (stack.Count > 0)
        {
            var assembly = stack.Pop();
            found.Add((assembly, ImageOf(assembly)));
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (IsSharedName(reference.Name) || !seen.Add(reference.Name ?? ""))
                    continue;
                Assembly? loaded;
                try
                {
                    loaded = context.LoadFromAssemblyName(reference);
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    continue;
                }
                if (!IsShared(loaded) || AssemblyLoadContext.GetLoadContext(loaded) != AssemblyLoadContext.Default)
                    stack.Push(loaded);
            }
        }
        return found;
    }

    /// <summary>The LazyDist libraries and every assembly they reference, by simple name.</summary>
    private static HashSet<string> FindSharedNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<Assembly>();
        foreach (string library in LibraryNames)
        {
            // Loaded or not yet: a client may serialize its first graph before it touches, say, Collections.
            try
            {
                stack.Push(AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(library)));
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                // not part of this program (the CLI is optional)
            }
        }
        while (stack.Count > 0)
        {
            var assembly = stack.Pop();
            if (!names.Add(assembly.GetName().Name ?? ""))
                continue;
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (names.Contains(reference.Name ?? ""))
                    continue;
                try
                {
                    stack.Push(AssemblyLoadContext.Default.LoadFromAssemblyName(reference));
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    names.Add(reference.Name ?? "");
                }
            }
        }
        names.UnionWith(LibraryNames);
        return names;
    }
}

/// <summary>A user assembly as content: its simple name, the SHA-256 of its bytes (lower-case hex) and the bytes.</summary>
/// <param name="Name">The simple name.</param>
/// <param name="Hash">SHA-256 of <paramref name="Bytes"/>, 64 lower-case hex digits.</param>
/// <param name="Bytes">The assembly file, as loaded.</param>
internal sealed record AssemblyImage(string Name, string Hash, byte[] Bytes)
{
    public static AssemblyImage Of(string name, byte[] bytes) => new(name, HashOf(bytes), bytes);

    public static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
