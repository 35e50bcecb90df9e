namespace LazyDist.Schedulers.Tests.Distributed.Security;

/// <summary>The security options on the command line, as a user meets them: in <c>--help</c>, and a wrong use refused in one line with exit code 2.</summary>
public class CliSecurityOptionsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    [TestCase("worker", "--max-result-bytes")]
    [TestCase("center", "--tls-ca")]
    [TestCase("seed", "--tls-ca")]
    [TestCase("run", "--tls-ca")]
    [CancelAfter(180_000)]
    public async Task Help_ShowsTheTlsOptions(string command, string more)
    {
        await using var help = CliProcess.Start($"{command}-help", [command, "--help"]);
        Assert.That(await help.ExitCodeAsync(Bound), Is.Zero);
        string text = string.Join('\n', help.Lines);
        Assert.That(text, Does.Contain("--tls-cert").And.Contain("--tls-key").And.Contain(more));
    }

    [TestCase(new[] { "worker", "127.0.0.1:1", "--host", "0.0.0.0" }, "without a token")]
    [TestCase(new[] { "center", "--tls-cert", "/tmp/only-a-certificate.pem" }, "--tls-cert and --tls-key go together")]
    [TestCase(new[] { "center", "--tls-cert", "/nonexistent/c.pem", "--tls-key", "/nonexistent/k.pem" }, "--tls-cert: no file at '/nonexistent/c.pem'")]
    [TestCase(new[] { "worker", "127.0.0.1:1", "--max-result-bytes", "lots" }, "--max-result-bytes must be a size")]
    [CancelAfter(180_000)]
    public async Task WrongUse_OneLineAndExitCode2(string[] arguments, string message)
    {
        await using var cli = CliProcess.Start("cli", arguments);
        Assert.Multiple(async () =>
        {
            Assert.That(await cli.ExitCodeAsync(Bound), Is.EqualTo(2));
            Assert.That(cli.Lines, Has.Count.EqualTo(1));
            Assert.That(cli.Lines.Single(), Does.StartWith("lazydist: ").And.Contain(message));
        });
    }
}
