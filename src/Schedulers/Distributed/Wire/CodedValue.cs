using LazyDist.Graph;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// A value of user types as it came off the wire: kept as bytes until a process that can resolve
/// its types reads it (a worker, with the session of the task that reads it; a client, with its
/// own assemblies). Passed on to peers as the same bytes.
/// </summary>
/// <param name="Bytes">The value, as <see cref="ValueKind.Code"/> bytes.</param>
internal sealed record CodedValue(byte[] Bytes)
{
    /// <summary>The value, its types found through <paramref name="resolver"/> (this process's assemblies by default).</summary>
    public object? Decode(IAssemblyResolver? resolver) => CodeValues.Read(Bytes, resolver);

    /// <summary><paramref name="value"/> itself, or read when it is coded.</summary>
    public static object? Materialize(object? value, IAssemblyResolver? resolver) => value is CodedValue coded ? coded.Decode(resolver) : value;
}
