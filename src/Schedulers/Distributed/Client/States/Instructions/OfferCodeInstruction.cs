using LazyDist.Distributed.States;

namespace LazyDist.Distributed.Client;

/// <summary>Offer user assemblies to the center by hash; it answers with those it lacks.</summary>
/// <param name="Offers">The user assemblies the graph needs, by name and hash.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record OfferCodeInstruction(ValueList<CodeOffer> Offers, string StimulusId) : ClientInstruction(StimulusId);
