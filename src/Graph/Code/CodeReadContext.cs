using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace LazyDist.Graph;

/// <summary>
/// Reading user code in one process and session: the assembly resolver, with the types and
/// operations already resolved through it (so ten thousand tasks of one lambda resolve it once,
/// as dask's workers cache deserialized functions).
/// </summary>
internal sealed class CodeReadContext
{
    private const int MaxCachedOps = 1024;
    private static readonly ConditionalWeakTable<IAssemblyResolver, CodeReadContext> Contexts = new();
    private readonly ConcurrentDictionary<(string Hash, int Token), Type> _types = new();
    private readonly ConcurrentDictionary<string, Assembly> _assemblies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<BlobKey, OpRef> _ops = new();
    private readonly ConcurrentDictionary<MethodKey, MethodInfo> _methods = new();
    private readonly ConditionalWeakTable<byte[], OpRef> _headOps = new();

    private CodeReadContext(IAssemblyResolver resolver) => Resolver = resolver;

    public IAssemblyResolver Resolver { get; }

    public static CodeReadContext For(IAssemblyResolver? resolver) =>
        Contexts.GetValue(resolver ?? ProcessAssemblyResolver.Instance, static r => new CodeReadContext(r));

    public Type ResolveType(string assemblyName, string hash, int token) =>
        _types.GetOrAdd((hash, token), key =>
        {
            var assembly = _assemblies.GetOrAdd(key.Hash, h => Resolver.Resolve(assemblyName, h));
            try
            {
                return assembly.ManifestModule.ResolveType(key.Token);
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"type token {key.Token:x8} is not a type of {assemblyName}", e);
            }
        });

    /// <summary>A method, found once per type, signature and generic arguments.</summary>
    public MethodInfo Method(Type type, string signature, int token, Type[] arguments, Func<MethodKey, MethodInfo> find) =>
        _methods.GetOrAdd(new MethodKey(type, signature, token, arguments.Length == 0 ? "" : string.Join(",", arguments.Select(a => a.AssemblyQualifiedName))), find);

    /// <summary>The operation serialized as <paramref name="blob"/>, read once per distinct blob.</summary>
    public OpRef Op(ReadOnlyMemory<byte> blob, Func<CodeReadContext, ReadOnlyMemory<byte>, OpRef> read)
    {
        var key = new BlobKey(blob);
        if (_ops.TryGetValue(key, out var op))
            return op;
        op = read(this, blob);
        if (_ops.Count >= MaxCachedOps)
            _ops.Clear();
        _ops[new BlobKey(blob.ToArray())] = op;
        return op;
    }

    /// <summary>
    /// The operation of a node head (see <c>TaskGraphSerializer.SerializeNodeParts</c>), read once per
    /// head array: the array's identity is the key, so no task hashes its bytes.
    /// </summary>
    public OpRef HeadOp(byte[] head, Func<byte[], OpRef> read)
    {
        if (_headOps.TryGetValue(head, out var op))
            return op;
        op = read(head);
        _headOps.AddOrUpdate(head, op);
        return op;
    }

    /// <summary>Bytes compared by content.</summary>
    private readonly struct BlobKey(ReadOnlyMemory<byte> bytes) : IEquatable<BlobKey>
    {
        private readonly ReadOnlyMemory<byte> _bytes = bytes;

        public bool Equals(BlobKey other) => _bytes.Span.SequenceEqual(other._bytes.Span);

        public override bool Equals(object? obj) => obj is BlobKey other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.AddBytes(_bytes.Span);
            return hash.ToHashCode();
        }
    }

    /// <summary>What identifies a method read from bytes.</summary>
    internal readonly record struct MethodKey(Type Type, string Signature, int Token, string Arguments);
}
