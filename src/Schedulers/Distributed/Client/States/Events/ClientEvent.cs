namespace LazyDist.Distributed.Client;

/// <summary>An input of <see cref="ClientState"/>: something the user did or the center said, with the id that traces its effects.</summary>
/// <param name="StimulusId">Logged with every move the event causes and copied onto every instruction it causes.</param>
internal abstract record ClientEvent(string StimulusId);
