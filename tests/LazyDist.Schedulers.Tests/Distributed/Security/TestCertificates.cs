using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LazyDist.Distributed;

namespace LazyDist.Schedulers.Tests.Distributed.Security;

/// <summary>
/// A certificate authority made for one test run, and certificates it signs, written as PEM files
/// into a directory of their own (deleted on dispose). Nothing is committed: every key is new.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private readonly X509Certificate2 _authority;
    private readonly ECDsa _authorityKey;
    private readonly DateTimeOffset _notBefore = DateTimeOffset.UtcNow.AddDays(-1);
    private readonly DateTimeOffset _notAfter = DateTimeOffset.UtcNow.AddDays(30);
    private int _serial;

    public TestCertificates(string name = "LazyDist test CA")
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("lazydist-tls-").FullName;
        _authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", _authorityKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        _authority = request.CreateSelfSigned(_notBefore, _notAfter);
        AuthorityPath = Path.Combine(Directory, "ca.pem");
        File.WriteAllText(AuthorityPath, _authority.ExportCertificatePem());
    }

    /// <summary>Where the files are.</summary>
    public string Directory { get; }

    /// <summary>The authority's certificate (PEM).</summary>
    public string AuthorityPath { get; }

    /// <summary>Only the authority: what a client needs to trust a server, without a certificate of its own.</summary>
    public TlsOptions TrustOnly => new() { CertificateAuthorityPath = AuthorityPath };

    /// <summary>A new certificate for <paramref name="name"/>, valid for serving and connecting on loopback and <paramref name="addresses"/>, and the authority: mutual TLS.</summary>
    public TlsOptions Issue(string name, params string[] addresses) => Issue(name, mutual: true, addresses);

    /// <summary>A new certificate for <paramref name="name"/>; with the authority when <paramref name="mutual"/>.</summary>
    public TlsOptions Issue(string name, bool mutual, params string[] addresses)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        foreach (string address in addresses)
            names.AddIpAddress(IPAddress.Parse(address));
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        byte[] serial = BitConverter.GetBytes(Interlocked.Increment(ref _serial) + 1000L);
        using var certificate = request.Create(_authority, _notBefore, _notAfter.AddDays(-1), serial);
        string stem = Path.Combine(Directory, $"{name}-{_serial}");
        File.WriteAllText(stem + ".crt", certificate.ExportCertificatePem());
        File.WriteAllText(stem + ".key", key.ExportPkcs8PrivateKeyPem());
        return new TlsOptions { CertificatePath = stem + ".crt", KeyPath = stem + ".key", CertificateAuthorityPath = mutual ? AuthorityPath : null };
    }

    public void Dispose()
    {
        _authority.Dispose();
        _authorityKey.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
