using System.Reflection;

namespace LazyDist.Graph;

/// <summary>
/// Finds the user assemblies that serialized operations name, in the process that runs them: a
/// worker loads them, by content hash, into the load context of the client session that sent them.
/// </summary>
public interface IAssemblyResolver
{
    /// <summary>The assembly whose image has SHA-256 <paramref name="hash"/>.</summary>
    /// <param name="name">Its simple name, for messages and dependency resolution.</param>
    /// <param name="hash">SHA-256 of its bytes, 64 lower-case hex digits.</param>
    /// <exception cref="FileNotFoundException">The assembly cannot be had; the message names it.</exception>
    Assembly Resolve(string name, string hash);
}

/// <summary>Resolves user assemblies of this process only: the ones it imaged or registered.</summary>
internal sealed class ProcessAssemblyResolver : IAssemblyResolver
{
    public static ProcessAssemblyResolver Instance { get; } = new();

    public Assembly Resolve(string name, string hash) =>
        UserAssemblies.FindByHash(hash) ?? throw new FileNotFoundException(
            $"user assembly {name} (sha256 {hash[..Math.Min(12, hash.Length)]}) is not loaded in this process");
}
