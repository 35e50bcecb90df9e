using LazyDist.Distributed.Center;
using LazyDist.Distributed.States;
using LazyDist.Distributed.Wire;
using LazyDist.Distributed.Worker;
using LazyDist.Graph;
using Microsoft.Extensions.Logging;

namespace LazyDist.Distributed;

public sealed partial class WorkerHost
{
    private const int MaxHeldReports = 256;

    /// <summary>One executor thread: runs tasks with inputs from the store; a throwing task fails alone.</summary>
    private void ExecuteLoop(int thread)
    {
        while (_queue.TryTake(out var next))
            Execute(next.Task, next.Epoch, thread);
    }

    // Not inlined: nothing of a finished task (its node, its session's types) stays on a waiting executor's stack,
    // so an ended session's load context can be collected.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void Execute(ExecuteInstruction task, int epoch, int thread)
    {
        object? result = null;
        bool owned = false;
        ErrorInfo? error = null;
        TaskKey? missing = null;
        var started = _time.GetUtcNow();
        try
        {
            var code = CodeFor(task.Session);
            var node = task.Node.Head.Length == 0
                ? TaskNode.Deserialize(task.Key, task.Node.Tail, code)
                : TaskGraphSerializer.DeserializeNodeParts(task.Key, task.Node.Head, task.Node.Tail, code);
            if ((node.Op.Traits & OpTraits.RetainsNoInput) == 0)
            {
                foreach (var dep in node.Dependencies)
                    _store.MayBeRetained(dep);
            }
            // A task of literals reads no input: no closure for it (a tiny task's lookups are its only allocation here).
            result = node.Execute(node.Dependencies.Count == 0 ? NoInputs
                : key => Input(key) is (true, var value) ? CodedValue.Materialize(value, code) : throw new InputMissingException(key));
            ResultLimit.Check(task.Key, result, _options.MaxResultBytes); // fail here, by name and size, rather than when a peer asks for it
            owned = (node.Op.Traits & OpTraits.ReturnsFreshArray) != 0;
        }
        catch (InputMissingException e)
        {
            missing = e.Key;
        }
        catch (Exception e)
        {
            var cause = e is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : e;
            error = new ErrorInfo(cause.GetType().FullName ?? cause.GetType().Name, cause.Message, cause.StackTrace);
            _log.LogWarning("task {Key} failed: {ExceptionType}: {Message}", task.Key, error.ExceptionType, LogText.Of(error.Message));
        }
        var run = new TaskRun(task.Key, error is null && missing is null ? ValueCodec.SizeOf(result) : 0, thread, started, _time.GetUtcNow());
        lock (_gate)
        {
            if (epoch != _epoch)
                return;
            PostUnspilled();
            if (missing is { } input)
            {
                _log.LogWarning("task {Key} found its input {Input} missing; the center will have it again", task.Key, input);
                Post(new InputMissingEvent(task.Key, input, _ids.Next("input-missing", _options.Name)));
            }
            else if (error is null)
            {
                Post(new ExecuteDoneEvent(run, _ids.Next(_finishedKind ??= $"task-finished-{_options.Name}")), new Arrival(task.Key, result, owned));
            }
            else
            {
                Post(new ExecuteFailedEvent(run, error, _ids.Next("task-erred", _options.Name)));
            }
            // More tasks about to run: hold this report back to send several in one message (a few hundred at most).
            if (_queue.Count == 0 || _reports?.Count >= MaxHeldReports)
                _reports?.Flush();
        }
    }

    private string? _finishedKind; // "task-finished-NAME": a finished task's id formats only its number

    private static readonly Func<TaskKey, object?> NoInputs = key => throw new InputMissingException(key);

    /// <summary>A task's input from the store; a spilled one whose file cannot be read counts as missing (the center has it again).</summary>
    private (bool Found, object? Value) Input(TaskKey key)
    {
        try
        {
            return _store.TryGet(key, out var value) ? (true, value) : (false, null);
        }
        catch (IOException e)
        {
            _log.LogWarning("cannot read the spilled value of {Key} back: {Reason}", key, LogText.Of(e.Message));
            return (false, null);
        }
    }

    /// <summary>Fetches inputs from one peer in one request; each key that arrives or does not becomes its own event.</summary>
    private async Task FetchAsync(string holder, ValueList<TaskKey> keys, int epoch)
    {
        (bool Found, object? Value, string? Unreadable)[] values;
        string? failure = null;
        try
        {
            values = await _peers.FetchEachAsync(holder, keys.Items, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            if (_stopping.IsCancellationRequested)
                return;
            values = new (bool, object?, string?)[keys.Count];
            failure = e.Message;
        }
        lock (_gate)
        {
            if (epoch != _epoch)
                return;
            // One reply, one stimulus (dask's gather-dep-success): its keys' moves share the id, formatted once.
            string? arrived = null, failed = null;
            for (int i = 0; i < keys.Count; i++)
            {
                var key = keys[i];
                if (values[i] is { Found: true, Unreadable: null })
                {
                    Post(new FetchDoneEvent(key, ValueCodec.SizeOf(values[i].Value), arrived ??= _ids.Next("fetch-done", _options.Name)), new Arrival(key, values[i].Value, Owned: true));
                    continue;
                }
                _log.LogWarning("could not fetch {Key} from {Holder}: {Reason}", key, holder, failure ?? values[i].Unreadable ?? "it does not hold it");
                Post(new Worker.FetchFailedEvent(key, holder, failed ??= _ids.Next("fetch-failed", _options.Name)));
            }
            _reports?.Flush();
        }
    }

    /// <summary>Thrown by the input lookup of a running task when an input is not in the store: the cluster's problem, not the task's.</summary>
    private sealed class InputMissingException(TaskKey key) : Exception($"{key} is not on this worker")
    {
        public TaskKey Key { get; } = key;
    }
}
