namespace LazyDist.Distributed.Center;

/// <summary>
/// A client's code offer or upload that the center's code store refuses: bytes that do not have
/// the hash they were sent under, or another build of an assembly the session already uses. The
/// host closes that client's connection and names why.
/// </summary>
internal sealed class CodeStoreException(string message) : Exception(message);
