using LazyDist.Distributed;
using LazyDist.Distributed.Wire;

namespace LazyDist.Schedulers.Tests.Distributed.Security;

/// <summary>
/// A certificate authority made for one test (<see cref="CertificateAuthority"/>) and the
/// certificates it signs, as PEM files in a directory of their own, deleted on dispose. Nothing is
/// committed: every key is new.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private readonly CertificateAuthority _authority;

    public TestCertificates(string name = "LazyDist test CA")
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("lazydist-tls-").FullName;
        _authority = new CertificateAuthority(Directory, name);
    }

    /// <summary>Where the files are.</summary>
    public string Directory { get; }

    /// <summary>Only the authority: what a client needs to trust a server, without a certificate of its own.</summary>
    public TlsOptions TrustOnly => new() { CertificateAuthorityPath = _authority.CertificatePath };

    /// <summary>A new certificate for <paramref name="name"/>, with the authority: mutual TLS.</summary>
    public TlsOptions Issue(string name, params string[] addresses) => _authority.Issue(name, mutual: true, addresses);

    /// <summary>A new certificate for <paramref name="name"/>; with the authority when <paramref name="mutual"/>.</summary>
    public TlsOptions Issue(string name, bool mutual, params string[] addresses) => _authority.Issue(name, mutual, addresses);

    public void Dispose()
    {
        _authority.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
