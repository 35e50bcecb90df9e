using LazyDist.Distributed.Client;
using LazyDist.Distributed.States;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Distributed;

public sealed partial class DistributedScheduler
{
    /// <summary>Turns the center's messages into events (the one table of messages in); anything else breaks the protocol.</summary>
    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (true)
            {
                var envelope = await _center.ReceiveAsync(_closing.Token).ConfigureAwait(false);
                lock (_gate)
                {
                    if (envelope.Header is BatchMessage batch)
                    {
                        foreach (var item in batch.Messages)
                            Receive(item is BatchMessage ? throw new WireProtocolException("a batch may not hold a batch") : item);
                    }
                    else
                    {
                        Receive(envelope.Header);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or WireProtocolException or OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            OnLost(e);
        }
    }

    /// <summary>One message from the center. Callers hold the lock.</summary>
    private void Receive(WireMessage message)
    {
        if (message is StatsMessage m)
        {
            if (_statsRequests.TryDequeue(out var request))
                request.TrySetResult(new ClusterStatistics(m.TransferredBytes, m.PeakKeys, m.Workers, m.Threads, m.PeakBytes, m.HeldBytes, m.HeldKeys, m.SpilledBytes));
            return;
        }
        if (message is WorkersJoinedMessage joined)
        {
            WorkersJoined(joined);
            return;
        }
        if (message is ProgressMessage progress)
        {
            Answered(progress);
            return;
        }
        if (message is PerformanceMessage performance)
        {
            Answered(performance);
            return;
        }
        ClientEvent stimulus = message switch
        {
            KeyInMemoryMessage k => new KeyInMemoryEvent(k.Key.ToTaskKey(), k.Holders, k.NBytes, k.StimulusId),
            KeyErredMessage k => new KeyErredEvent(k.Key.ToTaskKey(), k.FailedKey.ToTaskKey(), new Center.ErrorInfo(k.ExceptionType, k.Text, k.StackTrace), k.StimulusId),
            NeedCodeMessage k => new CodeNeededEvent(k.Hashes, _ids.Next("code-needed", _name)),
            FetchCodeMessage k => new CodeRequestedEvent(k.Hash, _ids.Next("code-requested", _name)),
            var other => throw new WireProtocolException($"the center may not send a client {other.GetType().Name}"),
        };
        Post(stimulus);
    }

    /// <summary>The center is gone: everything waiting fails with <paramref name="cause"/>, pending keys become errors.</summary>
    private void OnLost(Exception cause)
    {
        List<TaskCompletionSource<ClusterStatistics>> stats;
        List<TaskCompletionSource<int>> waits;
        lock (_gate)
        {
            _lost = cause;
            _parts.Close();
            Post(new CenterLostEvent(cause.Message, _ids.Next("center-lost", _name)));
            stats = [.. _statsRequests];
            _statsRequests.Clear();
            waits = TakeWorkerWaits();
            FailProgress(LostError(cause.Message, cause));
            FailPerformance(LostError(cause.Message, cause));
        }
        stats.ForEach(s => s.TrySetException(LostError(cause.Message, cause)));
        waits.ForEach(w => w.TrySetException(LostError(cause.Message, cause)));
    }

    /// <summary>
    /// Feeds an event to the state machine and carries out its instructions (the one table of
    /// instructions out). <paramref name="gathered"/> holds the values that came with a fetch.
    /// Callers hold the lock; everything done here is non-blocking.
    /// </summary>
    private void Post(ClientEvent stimulus, Dictionary<TaskKey, object?>? gathered = null)
    {
        foreach (var instruction in _state.Handle(stimulus))
        {
            switch (instruction)
            {
                case KeyChangedInstruction i:
                    Mirror(i);
                    break;
                case SubmitGraphInstruction i:
                    SendPart(i);
                    break;
                case ReleaseKeysInstruction i:
                    Send(new ReleaseKeysMessage(WireKey.FromAll(i.Keys), i.StimulusId));
                    break;
                case GetStatisticsInstruction i:
                    Send(new GetStatsMessage(i.ResetPeak));
                    break;
                case ReportMissingInstruction i:
                    Send(new ReportMissingMessage(WireKey.From(i.Key), i.Holder, i.StimulusId));
                    break;
                case OfferCodeInstruction i:
                    Send(new OfferCodeMessage([.. i.Offers.Select(o => new CodeInfo(o.Name, o.Hash, o.Size, o.Root))]));
                    break;
                case SendCodeInstruction i:
                    SendCode(i.Hash, i.Found);
                    break;
                case GatherInstruction i:
                    _ = GatherAsync(i.Holder, i.Keys);
                    break;
                case DeliverInstruction i:
                    Deliver(i.Key, gathered![i.Key]);
                    break;
                case FailWaitersInstruction i:
                    if (_handles.TryGetValue(i.Error.Key, out var waiting) && waiting.Requested is { } request)
                    {
                        waiting.Requested = null;
                        request.TrySetException(ToException(i.Error));
                    }
                    break;
                case RefuseSubmitInstruction i:
                    throw new NotSupportedException(i.Reason);
                default:
                    throw new InvalidOperationException($"the client host cannot carry out {instruction}");
            }
        }
    }

    /// <summary>Queues a part of a submission; the window counts it until its bytes are out.</summary>
    private void SendPart(SubmitGraphInstruction part)
    {
        _parts.Queued();
        _center.Send(new Envelope(ToWire(part), [], _parts.Written)); // a closed connection calls Written at once
    }

    private void Send(WireMessage message, Payload? payload = null)
    {
        try
        {
            if (payload is { } bytes)
                _center.Send(message, bytes);
            else
                _center.Send(message);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The connection is closing; the receive loop reports the loss.
        }
    }

    /// <summary>Updates what the handles of a key show, and completes their wait when it is no longer pending.</summary>
    private void Mirror(KeyChangedInstruction change)
    {
        if (change.Status == ClientKeyStatus.Forgotten)
        {
            if (_handles.TryGetValue(change.Key, out var gone) && gone.Incarnation == change.Incarnation)
                _handles.Remove(change.Key);
            return;
        }
        if (!_handles.TryGetValue(change.Key, out var handle) || handle.Incarnation != change.Incarnation)
            _handles[change.Key] = handle = new PendingKey(change.Key, change.Incarnation);
        handle.Holders = change.Holders.Items;
        handle.Error = change.Error is null ? null : ToException(change.Error);
        handle.Status = change.Status switch
        {
            ClientKeyStatus.Memory => FutureStatus.Finished,
            ClientKeyStatus.Erred or ClientKeyStatus.Lost => FutureStatus.Error,
            ClientKeyStatus.Cancelled => FutureStatus.Cancelled,
            _ => FutureStatus.Pending,
        };
        if (handle.Status != FutureStatus.Pending && handle.CompletedAt == 0)
        {
            handle.CompletedAt = ++_completions;
            handle.Done.TrySetResult();
            var whenDone = handle.WhenDone;
            handle.WhenDone = null;
            whenDone?.Invoke();
        }
    }

    private Exception ToException(ClientError error) => error.Kind switch
    {
        ClientErrorKind.TaskFailed => new TaskFailedException(error.FailedKey, error.Error!.ExceptionType, error.Error.Message, error.Error.StackTrace),
        ClientErrorKind.Cancelled => Cancelled(error.Key),
        ClientErrorKind.Lost => LostError(_lost?.Message ?? error.Message, _lost),
        ClientErrorKind.Unreadable => new InvalidDataException(error.Message),
        _ => new InvalidOperationException(error.Message),
    };

    private static OperationCanceledException Cancelled(TaskKey key) => new($"key {key} was cancelled");

    /// <summary>One part of a submission on the wire: each head its tasks share is sent once, and the tasks refer to it by index.</summary>
    private static SubmitGraphMessage ToWire(SubmitGraphInstruction part)
    {
        var tasks = part.Tasks;
        var wire = new SubmittedTask[tasks.Count];
        var heads = new List<byte[]>();
        var headIndex = new Dictionary<byte[], int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < wire.Length; i++)
        {
            var node = tasks[i].Node;
            int head = -1;
            if (node.Head.Length > 0 && !headIndex.TryGetValue(node.Head, out head))
            {
                headIndex[node.Head] = head = heads.Count;
                heads.Add(node.Head);
            }
            wire[i] = new SubmittedTask(WireKey.From(tasks[i].Key), WireKey.FromAll(tasks[i].Dependencies), node.Tail, tasks[i].Priority, tasks[i].Retries, head);
        }
        return new SubmitGraphMessage(wire, WireKey.FromAll(part.Wanted), part.StimulusId, part.More, heads.Count > 0 ? [.. heads] : null);
    }
}
