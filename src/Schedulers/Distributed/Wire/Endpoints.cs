using System.Globalization;

namespace LazyDist.Distributed.Wire;

/// <summary>Parses <c>host:port</c> (optionally prefixed <c>tcp://</c>).</summary>
internal static class Endpoints
{
    /// <exception cref="FormatException">The text is not host:port; the message quotes it.</exception>
    public static (string Host, int Port) Parse(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        string text = endpoint.StartsWith("tcp://", StringComparison.Ordinal) ? endpoint["tcp://".Length..] : endpoint;
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
            throw new FormatException($"'{endpoint}' is not an address of the form host:port");
        return (text[..colon].Trim('[', ']'), port);
    }
}
