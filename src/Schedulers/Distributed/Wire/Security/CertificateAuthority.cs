using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// A small certificate authority of its own (ECDSA P-256), for clusters made on the spot: tests and
/// benchmarks. It writes its certificate and every certificate it issues (with both the server and
/// the client usage, as a worker's both serves and connects) as PEM files into one directory.
/// </summary>
internal sealed class CertificateAuthority : IDisposable
{
    private readonly X509Certificate2 _certificate;
    private readonly ECDsa _key;
    private readonly DateTimeOffset _notBefore = DateTimeOffset.UtcNow.AddDays(-1);
    private readonly DateTimeOffset _notAfter = DateTimeOffset.UtcNow.AddDays(30);
    private int _issued;

    /// <summary>Makes an authority named <paramref name="name"/>; its files go into <paramref name="directory"/>.</summary>
    public CertificateAuthority(string directory, string name)
    {
        Directory = directory;
        _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", _key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        _certificate = request.CreateSelfSigned(_notBefore, _notAfter);
        CertificatePath = Path.Combine(directory, "ca.pem");
        File.WriteAllText(CertificatePath, _certificate.ExportCertificatePem());
    }

    /// <summary>Where the files are.</summary>
    public string Directory { get; }

    /// <summary>The authority's certificate (PEM).</summary>
    public string CertificatePath { get; }

    /// <summary>A new certificate and key for <paramref name="name"/>, naming loopback and <paramref name="addresses"/>; with this authority when <paramref name="mutual"/>.</summary>
    public TlsOptions Issue(string name, bool mutual, IEnumerable<string> addresses)
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
        int serial = Interlocked.Increment(ref _issued);
        using var certificate = request.Create(_certificate, _notBefore, _notAfter.AddDays(-1), BitConverter.GetBytes(1000L + serial));
        string stem = Path.Combine(Directory, $"{name}-{serial}");
        File.WriteAllText(stem + ".crt", certificate.ExportCertificatePem());
        File.WriteAllText(stem + ".key", key.ExportPkcs8PrivateKeyPem());
        return new TlsOptions { CertificatePath = stem + ".crt", KeyPath = stem + ".key", CertificateAuthorityPath = mutual ? CertificatePath : null };
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _key.Dispose();
    }
}
