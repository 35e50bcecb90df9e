using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// A process's credentials on the cluster: the token it presents (and asks of others) in the
/// handshake, and its TLS material when TLS is on. Every connection it makes or accepts is secured
/// here before the first frame, so the hello and its token only ever travel encrypted.
/// </summary>
internal sealed class WireSecurity
{
    private readonly SslStreamCertificateContext? _identity;
    private readonly X509ChainPolicy? _authority;

    private WireSecurity(string token, SslStreamCertificateContext? identity, X509ChainPolicy? authority, bool tls)
    {
        Token = token;
        _identity = identity;
        _authority = authority;
        UsesTls = tls;
    }

    /// <summary>The cluster's token; empty for none.</summary>
    public string Token { get; }

    /// <summary>Whether connections are wrapped in TLS.</summary>
    public bool UsesTls { get; }

    /// <summary>Whether peers must show a certificate signed by the authority.</summary>
    public bool IsMutual => _authority is not null;

    /// <summary>No token, no TLS.</summary>
    public static WireSecurity None { get; } = new("", null, null, tls: false);

    /// <summary>The credentials of a process that presents <paramref name="token"/>, over TLS when <paramref name="tls"/> is given.</summary>
    /// <param name="token">The cluster's token.</param>
    /// <param name="tls">The TLS files; null for plain TCP.</param>
    /// <param name="serves">Whether this process accepts connections (a center or a worker), and so needs a certificate.</param>
    /// <exception cref="ArgumentException">A file is missing or unreadable, a key is missing, or a server has no certificate; the message names it.</exception>
    public static WireSecurity Create(string? token, TlsOptions? tls = null, bool serves = false)
    {
        if (tls is null)
            return new WireSecurity(token ?? "", null, null, tls: false);
        if (tls.CertificatePath is null != tls.KeyPath is null)
            throw new ArgumentException("TLS needs both a certificate and its key (--tls-cert and --tls-key), or neither", nameof(tls));
        if (serves && tls.CertificatePath is null)
            throw new ArgumentException("a center or worker serving TLS needs a certificate and its key (--tls-cert and --tls-key)", nameof(tls));
        SslStreamCertificateContext? identity = null;
        if (tls.CertificatePath is not null)
        {
            var chain = Load(tls.CertificatePath, "--tls-cert");
            X509Certificate2 leaf;
            try
            {
                leaf = X509Certificate2.CreateFromPemFile(tls.CertificatePath, tls.KeyPath);
            }
            catch (CryptographicException e)
            {
                throw new ArgumentException($"--tls-key: '{tls.KeyPath}' is not the unencrypted PEM private key of '{tls.CertificatePath}': {e.Message}", nameof(tls), e);
            }
            identity = SslStreamCertificateContext.Create(leaf, new X509Certificate2Collection(chain.Skip(1).ToArray()), offline: true);
        }
        X509ChainPolicy? authority = null;
        if (tls.CertificateAuthorityPath is not null)
        {
            var roots = Load(tls.CertificateAuthorityPath, "--tls-ca");
            authority = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            authority.CustomTrustStore.AddRange(roots);
        }
        return new WireSecurity(token ?? "", identity, authority, tls: true);
    }

    /// <summary>
    /// The suites offered, AES-128-GCM first: on this project's machines it encrypts about half as fast
    /// again as AES-256-GCM (OpenSSL: 3.2 against 2.1 GB/s), and bulk values are most of what travels.
    /// Null where the platform cannot set suites (Windows): its defaults then.
    /// </summary>
    private static readonly CipherSuitesPolicy? Suites = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()
        ? new CipherSuitesPolicy(
        [
            TlsCipherSuite.TLS_AES_128_GCM_SHA256, TlsCipherSuite.TLS_AES_256_GCM_SHA384, TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
            TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        ])
        : null;

    /// <summary>The stream a client speaks on: TLS around <paramref name="stream"/> when on.</summary>
    /// <exception cref="IOException">The TLS handshake failed; the message names the server and why.</exception>
    public async Task<Stream> SecureClientAsync(Stream stream, string host, string endpoint, CancellationToken cancellationToken)
    {
        if (!UsesTls)
            return stream;
        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = host,
                ClientCertificateContext = _identity,
                CertificateChainPolicy = _authority?.Clone(),
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                CipherSuitesPolicy = Suites,
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => Trusted(certificate, errors, required: true),
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw new IOException($"the TLS handshake with {endpoint} failed (does it serve TLS, with a certificate this side trusts?): {e.Message}", e);
        }
        return tls;
    }

    /// <summary>The stream a server speaks on: TLS around <paramref name="stream"/> when on.</summary>
    /// <exception cref="AuthenticationException">The client's TLS is broken or its certificate untrusted.</exception>
    /// <exception cref="IOException">The client left or spoke no TLS.</exception>
    public async Task<Stream> SecureServerAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (!UsesTls)
            return stream;
        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificateContext = _identity,
                ClientCertificateRequired = IsMutual,
                CertificateChainPolicy = _authority?.Clone(),
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                CipherSuitesPolicy = Suites,
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => Trusted(certificate, errors, required: IsMutual),
            }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return tls;
    }

    /// <summary>
    /// With an authority: a certificate that chains to it, whatever host name it names (it is the
    /// cluster's own authority that vouches). Without: the system's verdict, for a server; any
    /// client, since a server without an authority asks none.
    /// </summary>
    private bool Trusted(X509Certificate? certificate, SslPolicyErrors errors, bool required)
    {
        if (_authority is not null)
            return certificate is not null && (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None;
        return !required || errors == SslPolicyErrors.None;
    }

    private static X509Certificate2Collection Load(string path, string option)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ArgumentException($"{option}: cannot read certificates from '{path}': {e.Message}", e);
        }
        return certificates.Count > 0 ? certificates : throw new ArgumentException($"{option}: '{path}' holds no PEM certificate");
    }
}
