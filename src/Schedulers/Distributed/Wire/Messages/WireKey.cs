using LazyDist.Distributed.States;
using LazyDist.Graph;
using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// A <see cref="TaskKey"/> on the wire: name and index (-1 for a plain name). A value type: every
/// message names keys, and a key object per message was the largest part of the center's allocations.
/// </summary>
/// <param name="Name">The key's name.</param>
/// <param name="Index">The key's index, or -1.</param>
[MessagePackObject]
internal readonly record struct WireKey([property: Key(0), MessagePackFormatter(typeof(MessagePack.Formatters.StringInterningFormatter))] string Name, [property: Key(1)] int Index)
{
    public static WireKey From(TaskKey key) => new(key.Name, key.Index ?? -1);

    /// <summary>The keys on the wire, in order (no new array for none: most tasks have no inputs).</summary>
    public static WireKey[] FromAll(ValueList<TaskKey> keys)
    {
        if (keys.Count == 0)
            return [];
        var wire = new WireKey[keys.Count];
        for (int i = 0; i < wire.Length; i++)
            wire[i] = From(keys[i]);
        return wire;
    }

    public TaskKey ToTaskKey()
    {
        if (string.IsNullOrEmpty(Name) || Index < -1)
            throw new WireProtocolException($"invalid key on the wire: name '{Name}', index {Index}");
        return Index < 0 ? new TaskKey(Name) : new TaskKey(Name, Index);
    }
}
