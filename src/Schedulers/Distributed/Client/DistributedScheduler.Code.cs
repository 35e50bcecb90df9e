using System.Reflection;
using LazyDist.Distributed.Client;
using LazyDist.Distributed.States;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Distributed;

public sealed partial class DistributedScheduler
{
    // What each root assembly brings (itself and the user assemblies it references), worked out once; and every image by hash.
    private readonly Dictionary<Assembly, CodeOffer[]> _offersByRoot = [];
    private readonly Dictionary<string, AssemblyImage> _images = new(StringComparer.Ordinal);

    /// <summary>Bytes of user assemblies this client sent to the center.</summary>
    public long CodeBytesSent { get; private set; }

    /// <summary>The user assemblies <paramref name="roots"/> need, each root with the user assemblies it references (the state machine offers each hash once).</summary>
    private ValueList<CodeOffer> OffersFor(HashSet<Assembly> roots)
    {
        if (roots.Count == 0)
            return [];
        var offers = new Dictionary<string, CodeOffer>(StringComparer.Ordinal);
        lock (_offersByRoot)
        {
            foreach (var root in roots)
            {
                if (!_offersByRoot.TryGetValue(root, out var closure))
                {
                    string rootHash = UserAssemblies.ImageOf(root).Hash;
                    closure = [.. UserAssemblies.Closure(root).Select(p => p.Image).DistinctBy(i => i.Hash)
                        .Select(i => new CodeOffer(i.Name, i.Hash, i.Bytes.Length, i.Hash == rootHash))];
                    foreach (var (_, image) in UserAssemblies.Closure(root))
                        _images.TryAdd(image.Hash, image);
                    _offersByRoot[root] = closure;
                }
                foreach (var offer in closure)
                {
                    if (!offers.TryGetValue(offer.Hash, out var known) || (offer.Root && !known.Root))
                        offers[offer.Hash] = offer;
                }
            }
        }
        return offers.Values.ToArray();
    }

    /// <summary>Sends an assembly the center asked for, or says it is not here.</summary>
    private void SendCode(string hash, bool found)
    {
        AssemblyImage? image = null;
        lock (_offersByRoot)
        {
            if (found)
                _images.TryGetValue(hash, out image);
        }
        if (image is null)
        {
            Send(new CodeMessage(hash, Found: false));
            return;
        }
        Send(new CodeMessage(image.Hash, Found: true), new Payload(image.Bytes));
        CodeBytesSent += image.Bytes.Length;
    }
}
