using System.Reflection;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>
/// One client session's user code on a worker: resolves assemblies by hash into the session's
/// <see cref="SessionLoadContext"/>, fetching bytes and the session's manifest from the center on
/// first use (the calling executor thread waits). A missing or unloadable assembly fails the task
/// that needed it, by name.
/// </summary>
internal sealed class SessionCode : IAssemblyResolver
{
    private readonly int _session;
    private readonly CodeFetcher _fetcher;
    private readonly object _gate = new();
    private readonly Dictionary<string, Assembly> _byHash = new(StringComparer.Ordinal);
    private Dictionary<string, CodeInfo> _manifest = new(StringComparer.Ordinal);
    private readonly HashSet<string> _absent = new(StringComparer.Ordinal); // not in the manifest when last asked
    private SessionLoadContext? _context;
    private bool _ended;

    public SessionCode(int session, CodeFetcher fetcher)
    {
        _session = session;
        _fetcher = fetcher;
    }

    /// <summary>The load context, weakly (tests check that it is collected after <see cref="Unload"/>).</summary>
    public WeakReference Context => new(_context);

    /// <inheritdoc/>
    public Assembly Resolve(string name, string hash)
    {
        lock (_gate)
        {
            if (_byHash.TryGetValue(hash, out var loaded))
                return loaded;
            if (_ended)
                throw new InvalidOperationException($"session {_session} has ended; its code is unloaded");
            var context = _context ??= NewContext();
            byte[] bytes;
            try
            {
                bytes = _fetcher.GetCode(hash);
            }
            catch (Exception e) when (e is IOException or TimeoutException)
            {
                throw new FileNotFoundException($"user assembly {name} ({hash[..12]}) could not be had from the center: {e.Message}", name, e);
            }
            Assembly assembly;
            try
            {
                assembly = context.LoadFromStream(new MemoryStream(bytes, writable: false));
            }
            catch (BadImageFormatException e)
            {
                throw new FileLoadException($"user assembly {name} ({hash[..12]}) cannot be loaded: {e.Message}", name, e);
            }
            UserAssemblies.Register(assembly, bytes); // so values of its types can be sent on
            _byHash[hash] = assembly;
            _absent.Clear(); // new code may come with a longer manifest
            return assembly;
        }
    }

    /// <summary>Lets the load context go; it is collected once no running task or held value uses it.</summary>
    public void Unload()
    {
        lock (_gate)
        {
            _ended = true;
            _context?.Unload();
            _context = null;
            _byHash.Clear();
            _manifest.Clear();
            _absent.Clear();
        }
    }

    /// <summary>Made on the first user assembly: a session that runs only built-in operations never has one.</summary>
    private SessionLoadContext NewContext()
    {
        // The context reaches back only weakly: the runtime roots a load context until it unloads, and
        // the code read through this resolver (cached against it) must not keep the context alive after.
        var self = new WeakReference<SessionCode>(this);
        return new SessionLoadContext(_session, name => self.TryGetTarget(out var code) ? code.LoadDependency(name) : null);
    }

    /// <summary>A reference from a user assembly: from the session's manifest, or null for the default context.</summary>
    private Assembly? LoadDependency(AssemblyName reference)
    {
        string? name = reference.Name;
        if (name is null)
            return null;
        CodeInfo? entry;
        lock (_gate)
        {
            if (!_manifest.TryGetValue(name, out entry) && !UserAssemblies.IsSharedName(name) && !_absent.Contains(name))
            {
                // Ask the center once per name (the runtime also probes for names nobody has, such as satellite resources).
                _manifest = _fetcher.GetManifest(_session).ToDictionary(c => c.Name, StringComparer.Ordinal);
                if (!_manifest.TryGetValue(name, out entry))
                    _absent.Add(name);
            }
        }
        return entry is null ? null : Resolve(entry.Name, entry.Hash);
    }
}
