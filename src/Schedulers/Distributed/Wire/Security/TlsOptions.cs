namespace LazyDist.Distributed;

/// <summary>
/// TLS for a center, a worker or a client (dask's <c>Security</c>): this process's certificate and
/// private key, and the certificate authority the other side's certificate must be signed by, all
/// as PEM files. With TLS on, every byte between the processes is encrypted, the token included.
/// </summary>
/// <remarks>
/// A center and a worker (whose data port is a server too) need <see cref="CertificatePath"/> and
/// <see cref="KeyPath"/>. With <see cref="CertificateAuthorityPath"/> the TLS is mutual: servers ask
/// every peer for a certificate signed by that authority, and clients accept only a server
/// certificate signed by it (host names are not compared, as in dask: the authority vouches for
/// the cluster's members). Without it, servers ask for no certificate and clients check the
/// server's against the system's roots and host name. A certificate that both serves and connects
/// (a worker's) needs the server and client authentication usages, or none.
/// </remarks>
public sealed record TlsOptions
{
    /// <summary>This process's certificate (PEM; the leaf first, then any intermediates).</summary>
    public string? CertificatePath { get; init; }

    /// <summary>The private key of <see cref="CertificatePath"/> (PEM, unencrypted).</summary>
    public string? KeyPath { get; init; }

    /// <summary>The authority (PEM, one or more certificates) the other side's certificate must be signed by; with it, TLS is mutual.</summary>
    public string? CertificateAuthorityPath { get; init; }
}
