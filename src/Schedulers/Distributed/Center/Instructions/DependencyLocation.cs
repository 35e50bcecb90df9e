using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>Where an input of a task is.</summary>
/// <param name="Key">The input's key.</param>
/// <param name="Holders">Data addresses of the workers that hold it.</param>
/// <param name="NBytes">Its size.</param>
internal sealed record DependencyLocation(TaskKey Key, ValueList<string> Holders, long NBytes);
