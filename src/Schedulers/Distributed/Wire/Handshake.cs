using System.Security.Cryptography;
using System.Text;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// The first exchange on every connection: the caller sends <see cref="HelloMessage"/>, the
/// server answers <see cref="WelcomeMessage"/>, or <see cref="RefusedMessage"/> and closes.
/// </summary>
internal static class Handshake
{
    public const int ProtocolVersion = 3;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Introduces the caller and waits for the answer.</summary>
    /// <exception cref="WireProtocolException">Refused, with the server's reason.</exception>
    public static async Task<WelcomeMessage> IntroduceAsync(WireConnection connection, HelloMessage hello, CancellationToken cancellationToken)
    {
        connection.Send(hello);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var answer = await connection.ReceiveAsync(timeout.Token).ConfigureAwait(false);
        return answer.Header switch
        {
            WelcomeMessage welcome => welcome,
            RefusedMessage refused => throw new WireProtocolException($"{connection.Remote} refused the connection: {refused.Reason}"),
            var other => throw new WireProtocolException($"{connection.Remote} answered the handshake with {other.GetType().Name}"),
        };
    }

    /// <summary>Reads the caller's hello and checks its protocol version and token.</summary>
    /// <returns>The hello, or null after sending <see cref="RefusedMessage"/> with the reason.</returns>
    /// <exception cref="WireProtocolException">The first message was not a hello.</exception>
    public static async Task<HelloMessage?> AcceptAsync(WireConnection connection, string token, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var first = await connection.ReceiveAsync(timeout.Token).ConfigureAwait(false);
        if (first.Header is not HelloMessage hello)
            throw new WireProtocolException($"the first message was {first.Header.GetType().Name}, not a hello");
        string? reason = hello.ProtocolVersion != ProtocolVersion
            ? $"protocol version {hello.ProtocolVersion} is not supported (this side speaks {ProtocolVersion})"
            : !TokensMatch(hello.Token, token) ? "wrong token" : null;
        if (reason is null)
            return hello;
        connection.Send(new RefusedMessage(reason));
        return null;
    }

    private static bool TokensMatch(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given ?? ""), Encoding.UTF8.GetBytes(expected));
}
