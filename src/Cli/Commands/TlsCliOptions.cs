using System.CommandLine;
using LazyDist.Distributed;

namespace LazyDist.Cli.Commands;

/// <summary>
/// <c>--tls-cert</c>, <c>--tls-key</c> and <c>--tls-ca</c>, the same on every command that speaks
/// to a cluster (dask's <c>--tls-cert</c>, <c>--tls-key</c>, <c>--tls-ca-file</c>). Any of them turns
/// TLS on; with <c>--tls-ca</c> it is mutual.
/// </summary>
internal sealed class TlsCliOptions
{
    private readonly Option<string> _certificate = new("--tls-cert") { Description = "This process's TLS certificate (PEM); with --tls-key. Turns TLS on." };
    private readonly Option<string> _key = new("--tls-key") { Description = "The private key of --tls-cert (PEM, unencrypted)." };
    private readonly Option<string> _authority = new("--tls-ca") { Description = "The authority (PEM) that signs the cluster's certificates: TLS becomes mutual." };

    /// <summary>Adds the three options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_certificate);
        command.Options.Add(_key);
        command.Options.Add(_authority);
    }

    /// <summary>The TLS the options ask for; null when none was given.</summary>
    /// <exception cref="UsageException">A certificate without its key (or the reverse), or a file that does not exist.</exception>
    public TlsOptions? Read(ParseResult parsed)
    {
        string? certificate = parsed.GetValue(_certificate), key = parsed.GetValue(_key), authority = parsed.GetValue(_authority);
        if (certificate is null && key is null && authority is null)
            return null;
        if (certificate is null != key is null)
            throw new UsageException("--tls-cert and --tls-key go together: give both, or neither");
        foreach (var (option, path) in new[] { ("--tls-cert", certificate), ("--tls-key", key), ("--tls-ca", authority) })
        {
            if (path is not null && !File.Exists(path))
                throw new UsageException($"{option}: no file at '{path}'");
        }
        return new TlsOptions { CertificatePath = certificate, KeyPath = key, CertificateAuthorityPath = authority };
    }
}
