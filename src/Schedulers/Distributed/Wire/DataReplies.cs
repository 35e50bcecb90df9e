using LazyDist.Graph;

namespace LazyDist.Distributed.Wire;

/// <summary>Builds the answer to a <see cref="GetDataMessage"/> from a store of values.</summary>
internal static class DataReplies
{
    public static (DataMessage Header, List<Payload> Payloads) Build(WireKey[] keys, Func<TaskKey, (bool Found, object? Value)> lookup)
    {
        var headers = new ValueHeader[keys.Length];
        var payloads = new List<Payload>(keys.Length);
        for (int i = 0; i < keys.Length; i++)
        {
            var (found, value) = lookup(keys[i].ToTaskKey());
            if (!found)
            {
                headers[i] = new ValueHeader(ValueKind.Packed, Missing: true);
                continue;
            }
            var (kind, payload) = ValueCodec.Encode(value);
            headers[i] = new ValueHeader(kind, Missing: false);
            payloads.Add(payload);
        }
        return (new DataMessage(keys, headers), payloads);
    }
}
