using System.Security.Cryptography;
using LazyDist.Graph;

namespace LazyDist.Distributed;

/// <summary>Calls sent one task each (futures and the pool), and how their keys are named.</summary>
public sealed partial class DistributedScheduler
{
    /// <summary>Sends one task per argument list and holds each result.</summary>
    /// <param name="op">What every task calls.</param>
    /// <param name="calls">Each task's arguments.</param>
    /// <param name="naming">How the keys are named.</param>
    /// <param name="retries">How many times each task runs again when its own code throws; the client's <see cref="Retries"/> when null.</param>
    /// <returns>One interest per call, in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retries"/> is negative.</exception>
    internal PendingKey[] SubmitCalls(OpRef op, IReadOnlyList<TaskArg[]> calls, CallNaming naming, int? retries = null)
    {
        if (retries < 0)
            throw new ArgumentOutOfRangeException(nameof(retries), retries, "retries cannot be negative");
        string name = naming.Prefix ?? ShortName(op.Name);
        string unique = naming.Pure ? "" : Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var userCode = new HashSet<System.Reflection.Assembly>();
        var tasks = new OutgoingTask[calls.Count];
        var keys = new TaskKey[calls.Count];
        for (int i = 0; i < calls.Count; i++)
        {
            var node = new TaskNode(op, calls[i]);
            byte[]? bytes = null;
            TaskKey key;
            if (naming.Key is { } given)
            {
                key = given;
            }
            else if (naming.Pure)
            {
                bytes = TaskGraphSerializer.SerializeNode(name, node, userCode);
                key = new TaskKey($"{name}-{Token(bytes)}");
            }
            else
            {
                key = naming.Indexed ? new TaskKey($"{name}-{unique}", i) : new TaskKey($"{name}-{unique}");
            }
            tasks[i] = new OutgoingTask(key, node, bytes, i);
            keys[i] = key;
        }
        return SubmitTasks(tasks, keys, userCode, retries);
    }

    /// <summary>A content key for a node: the first 128 bits of the SHA-256 of its bytes, as hex (the same in every process).</summary>
    internal static string Token(byte[] serializedNode) => Convert.ToHexStringLower(SHA256.HashData(serializedNode).AsSpan(0, 16));

    private static string ShortName(string opName) => opName[(opName.LastIndexOf('.') + 1)..].ToLowerInvariant();

    private Future<T> NewFuture<T>(PendingKey pending) => new(new KeyLease(this, pending));

    private IReadOnlyList<Future<T>> NewFutures<T>(PendingKey[] interests) => [.. interests.Select(NewFuture<T>)];

    /// <summary>One argument of a call, for this cluster.</summary>
    private TaskArg Arg<T>(ClusterArg<T> arg)
    {
        ArgumentNullException.ThrowIfNull(arg);
        return arg.ToTaskArg(this);
    }
}
