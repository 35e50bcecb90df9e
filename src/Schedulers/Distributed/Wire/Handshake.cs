using System.Security.Cryptography;
using System.Text;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// The first exchange on every connection: the caller sends <see cref="HelloMessage"/>, the
/// server answers <see cref="WelcomeMessage"/>, or <see cref="RefusedMessage"/> and closes.
/// Until it is done, both ends read with <see cref="FrameLimits.Handshake"/>'s small bounds; then
/// each end reads with the bounds of the kind of connection it is.
/// </summary>
internal static class Handshake
{
    /// <summary>Version 3: payload frames say their element type, and may exceed 2 GB.</summary>
    public const int ProtocolVersion = 3;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Introduces the caller and waits for the answer.</summary>
    /// <exception cref="WireProtocolException">Refused, with the server's reason.</exception>
    public static async Task<WelcomeMessage> IntroduceAsync(WireConnection connection, HelloMessage hello, CancellationToken cancellationToken)
    {
        connection.Limits = FrameLimits.Handshake;
        connection.Send(hello);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        Envelope answer;
        try
        {
            answer = await connection.ReceiveAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (EndOfStreamException e)
        {
            throw new WireProtocolException($"{connection.Remote} closed the connection during the handshake (does it expect TLS, or another token?)", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WireProtocolException($"{connection.Remote} did not answer the handshake within {Timeout.TotalSeconds:F0} s", e);
        }
        switch (answer.Header)
        {
            case WelcomeMessage welcome:
                connection.Limits = FrameLimits.ReadAs(hello.Role);
                return welcome;
            case RefusedMessage refused:
                throw new WireProtocolException($"{connection.Remote} refused the connection: {refused.Reason}");
            case var other:
                throw new WireProtocolException($"{connection.Remote} answered the handshake with {other.GetType().Name}");
        }
    }

    /// <summary>Reads the caller's hello and checks its protocol version and token.</summary>
    /// <returns>The hello, or null after sending <see cref="RefusedMessage"/> with the reason.</returns>
    /// <exception cref="WireProtocolException">The first message was not a hello, or broke the handshake's bounds.</exception>
    /// <exception cref="OperationCanceledException">No hello within <see cref="Timeout"/>, or <paramref name="cancellationToken"/> fired.</exception>
    public static async Task<HelloMessage?> AcceptAsync(WireConnection connection, string token, CancellationToken cancellationToken)
    {
        var hello = await ReadHelloAsync(connection, cancellationToken).ConfigureAwait(false);
        string? reason = Refusal(hello, token);
        if (reason is null)
        {
            Welcomed(connection, hello);
            return hello;
        }
        connection.Send(new RefusedMessage(reason));
        return null;
    }

    /// <summary>Reads the first message, within the handshake's bounds and <see cref="Timeout"/>.</summary>
    /// <exception cref="WireProtocolException">It was not a hello, or broke the bounds.</exception>
    /// <exception cref="OperationCanceledException">No hello within <see cref="Timeout"/>, or <paramref name="cancellationToken"/> fired.</exception>
    public static async Task<HelloMessage> ReadHelloAsync(WireConnection connection, CancellationToken cancellationToken)
    {
        connection.Limits = FrameLimits.Handshake;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var first = await connection.ReceiveAsync(timeout.Token).ConfigureAwait(false);
        return first.Header as HelloMessage
            ?? throw new WireProtocolException($"the first message was {first.Header.GetType().Name}, not a hello");
    }

    /// <summary>The accepting side reads with the bounds of the peer's kind from now on.</summary>
    public static void Welcomed(WireConnection connection, HelloMessage hello) => connection.Limits = FrameLimits.ReadFrom(hello.Role);

    /// <summary>Why <paramref name="hello"/> is refused, or null.</summary>
    public static string? Refusal(HelloMessage hello, string token) =>
        hello.ProtocolVersion != ProtocolVersion ? $"protocol version {hello.ProtocolVersion} is not supported (this side speaks {ProtocolVersion})"
        : !TokensMatch(hello.Token, token) ? "wrong token"
        : !Enum.IsDefined(hello.Role) ? $"unknown role {(int)hello.Role}"
        : null;

    private static bool TokensMatch(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given ?? ""), Encoding.UTF8.GetBytes(expected));
}
