using LazyDist.Distributed.States;

namespace LazyDist.Distributed.Client;

/// <summary>
/// Shipping user code, and keeping messages to the center in order behind it: a message sent
/// after a code offer waits until the center has answered that offer (and the code it asked for
/// has been sent), so the center never reads a graph before the code its tasks call.
/// </summary>
internal sealed partial class ClientState
{
    private readonly Dictionary<string, CodeOffer> _offered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _offeredNames = new(StringComparer.Ordinal);
    private readonly Queue<(long AfterOffer, ClientInstruction Message)> _held = new();
    private long _offers;
    private long _answered;

    /// <summary>Offers waiting for the center's answer.</summary>
    public long UnansweredOffers => _offers - _answered;

    /// <summary>A build of an assembly this session already uses under the same name, as a refusal; else null.</summary>
    private string? Conflict(ValueList<CodeOffer> code)
    {
        foreach (var offer in code)
        {
            if (_offeredNames.TryGetValue(offer.Name, out var hash) && hash != offer.Hash)
                return $"this client already sent another build of assembly {offer.Name} ({hash[..12]}); " +
                    $"a session uses one build of each assembly, so connect another client for the build {offer.Hash[..12]}";
        }
        return null;
    }

    private void Offer(ValueList<CodeOffer> code)
    {
        var fresh = code.Where(c => !_offered.ContainsKey(c.Hash)).ToArray();
        if (fresh.Length == 0 || _lost)
            return;
        foreach (var offer in fresh)
        {
            _offered[offer.Hash] = offer;
            _offeredNames[offer.Name] = offer.Hash;
        }
        _offers++;
        _out.Add(new OfferCodeInstruction(fresh, _stimulus));
    }

    private void CodeNeeded(ValueList<string> hashes)
    {
        if (_answered == _offers)
            return; // an answer to no offer: ignore it
        _answered++;
        foreach (var hash in hashes)
        {
            if (_offered.ContainsKey(hash))
                _out.Add(new SendCodeInstruction(hash, Found: true, _stimulus));
        }
        while (_held.Count > 0 && _held.Peek().AfterOffer <= _answered)
            _out.Add(_held.Dequeue().Message);
    }

    /// <summary>Sends a message to the center now, or after the offers made before it are answered.</summary>
    private void ToCenter(ClientInstruction message, bool inOrder = true)
    {
        if (_lost)
            return;
        if (!inOrder || (_held.Count == 0 && _answered == _offers))
            _out.Add(message);
        else
            _held.Enqueue((_offers, message));
    }
}
