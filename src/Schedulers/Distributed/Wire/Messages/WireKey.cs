using LazyDist.Graph;
using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>A <see cref="TaskKey"/> on the wire: name and index (-1 for a plain name).</summary>
/// <param name="Name">The key's name.</param>
/// <param name="Index">The key's index, or -1.</param>
[MessagePackObject]
internal sealed record WireKey([property: Key(0), MessagePackFormatter(typeof(MessagePack.Formatters.StringInterningFormatter))] string Name, [property: Key(1)] int Index)
{
    public static WireKey From(TaskKey key) => new(key.Name, key.Index ?? -1);

    public TaskKey ToTaskKey()
    {
        if (string.IsNullOrEmpty(Name) || Index < -1)
            throw new WireProtocolException($"invalid key on the wire: name '{Name}', index {Index}");
        return Index < 0 ? new TaskKey(Name) : new TaskKey(Name, Index);
    }
}
