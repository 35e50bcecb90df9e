namespace LazyDist.Distributed.Wire;

/// <summary>
/// The messages one scheduling step sends to one connection, coalesced: one goes as itself, more
/// as one <see cref="BatchMessage"/>. Not thread-safe: the host fills and flushes it under its lock.
/// </summary>
internal sealed class OutgoingBatch(WireConnection connection)
{
    private readonly List<WireMessage> _messages = [];

    public WireConnection Connection { get; } = connection;

    public bool IsEmpty => _messages.Count == 0;

    public int Count => _messages.Count;

    public void Add(WireMessage message) => _messages.Add(message);

    /// <summary>Queues what was added on the connection, and starts the next batch.</summary>
    public void Flush()
    {
        switch (_messages.Count)
        {
            case 0:
                return;
            case 1:
                Connection.Send(_messages[0]);
                break;
            default:
                Connection.Send(new BatchMessage([.. _messages]));
                break;
        }
        _messages.Clear();
    }
}
