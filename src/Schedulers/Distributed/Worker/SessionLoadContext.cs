using System.Reflection;
using System.Runtime.Loader;

namespace LazyDist.Distributed.Worker;

/// <summary>
/// The collectible load context of one client session's user assemblies on a worker. An assembly
/// the session's manifest lists loads from the shipped bytes; anything else (the framework,
/// LazyDist and its dependencies) comes from the default context, so there is one type identity
/// for them everywhere.
/// </summary>
internal sealed class SessionLoadContext(int session, Func<AssemblyName, Assembly?> load)
    : AssemblyLoadContext($"lazydist-session-{session}", isCollectible: true)
{
    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName) => load(assemblyName);
}
