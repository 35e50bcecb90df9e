using System.Reflection;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Distributed;

public sealed partial class DistributedScheduler
{
    private readonly object _codeGate = new();
    private readonly Dictionary<Assembly, Task> _offeredRoots = [];
    private readonly Dictionary<string, string> _offeredNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AssemblyImage> _offeredImages = new(StringComparer.Ordinal);
    private readonly Queue<TaskCompletionSource<string[]>> _codeRequests = new();

    /// <summary>Bytes of user assemblies this client sent to the center.</summary>
    public long CodeBytesSent { get; private set; }

    /// <summary>
    /// Makes sure the center has the user assemblies that <paramref name="roots"/> need (each with
    /// the user assemblies it references): offers their hashes once per session and sends the bytes
    /// of those the center asks for. Later submissions on this connection are read after them.
    /// </summary>
    /// <exception cref="NotSupportedException">This session already sent another build of one of them.</exception>
    private Task EnsureCodeAsync(HashSet<Assembly> roots)
    {
        if (roots.Count == 0)
            return Task.CompletedTask;
        var waits = new List<Task>(roots.Count);
        lock (_codeGate)
        {
            var fresh = roots.Where(r => !_offeredRoots.ContainsKey(r)).ToList();
            if (fresh.Count > 0)
            {
                var images = new Dictionary<string, AssemblyImage>(StringComparer.Ordinal);
                foreach (var (_, image) in fresh.SelectMany(UserAssemblies.Closure))
                {
                    if (_offeredNames.TryGetValue(image.Name, out var hash))
                    {
                        if (hash != image.Hash)
                            throw new NotSupportedException(
                                $"this client already sent another build of assembly {image.Name} ({hash[..12]}); " +
                                $"a session uses one build of each assembly, so connect another client for the build {image.Hash[..12]}");
                        continue;
                    }
                    images[image.Hash] = image;
                }
                foreach (var image in images.Values)
                {
                    _offeredNames[image.Name] = image.Hash;
                    _offeredImages[image.Hash] = image;
                }
                var rootHashes = fresh.Select(r => UserAssemblies.ImageOf(r).Hash).ToHashSet(StringComparer.Ordinal);
                var offer = images.Count == 0 ? Task.CompletedTask : OfferAsync([.. images.Values], rootHashes);
                foreach (var root in fresh)
                    _offeredRoots[root] = offer;
            }
            waits.AddRange(roots.Select(r => _offeredRoots[r]));
        }
        return Task.WhenAll(waits);
    }

    /// <summary>Offers assemblies; sends at once the bytes of the roots the center lacks (the others when a worker asks).</summary>
    private async Task OfferAsync(IReadOnlyList<AssemblyImage> images, HashSet<string> roots)
    {
        var answer = new TaskCompletionSource<string[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_pending)
        {
            ThrowIfLost();
            _codeRequests.Enqueue(answer);
            _center.Send(new OfferCodeMessage([.. images.Select(i => new CodeInfo(i.Name, i.Hash, i.Bytes.Length, roots.Contains(i.Hash)))]));
        }
        var needed = await answer.Task.ConfigureAwait(false);
        lock (_pending)
        {
            ThrowIfLost();
            foreach (var hash in needed)
            {
                var image = images.FirstOrDefault(i => i.Hash == hash)
                    ?? throw new WireProtocolException($"the center asked for assembly {hash[..Math.Min(12, hash.Length)]}, which was not offered");
                _center.Send(new CodeMessage(hash, Found: true), new Payload(image.Bytes));
                CodeBytesSent += image.Bytes.Length;
            }
        }
    }

    /// <summary>A worker needs an assembly this client offered as a dependency: send it now.</summary>
    private void OnFetchCode(FetchCodeMessage message)
    {
        AssemblyImage? image;
        lock (_codeGate)
            _offeredImages.TryGetValue(message.Hash, out image);
        lock (_pending)
        {
            if (_lost is not null)
                return;
            if (image is null)
            {
                _center.Send(new CodeMessage(message.Hash, Found: false));
                return;
            }
            _center.Send(new CodeMessage(image.Hash, Found: true), new Payload(image.Bytes));
            CodeBytesSent += image.Bytes.Length;
        }
    }

    /// <summary>The center's answer to the oldest offer.</summary>
    private void OnNeedCode(NeedCodeMessage message)
    {
        TaskCompletionSource<string[]>? request;
        lock (_pending)
            _codeRequests.TryDequeue(out request);
        request?.TrySetResult(message.Hashes);
    }

    /// <summary>The connection is lost: offers waiting for an answer fail.</summary>
    private void FailCodeRequests(Exception lost)
    {
        List<TaskCompletionSource<string[]>> requests;
        lock (_pending)
        {
            requests = [.. _codeRequests];
            _codeRequests.Clear();
        }
        requests.ForEach(r => r.TrySetException(lost));
    }
}
