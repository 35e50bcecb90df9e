using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Where an input of a task is held.</summary>
/// <param name="Key">The input's key.</param>
/// <param name="Holders">Data addresses of the workers that hold it.</param>
/// <param name="NBytes">Its size in bytes.</param>
[MessagePackObject]
internal sealed record DependencyInfo([property: Key(0)] WireKey Key, [property: Key(1)] string[] Holders, [property: Key(2)] long NBytes);
