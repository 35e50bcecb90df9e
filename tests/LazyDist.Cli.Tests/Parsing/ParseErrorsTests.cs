namespace LazyDist.Cli.Tests.Parsing;

/// <summary>Every mistake on a command line, one line each, exit code 2, the nearest known name suggested.</summary>
public class ParseErrorsTests
{
    [TestCase(new[] { "sede" }, "lazydist: unknown command 'sede' (did you mean 'seed'?)")]
    [TestCase(new[] { "centre", "--port", "1" }, "lazydist: unknown command 'centre' (did you mean 'center'?)")]
    [TestCase(new[] { "seed", "--chunk", "3" }, "lazydist: unknown option '--chunk' for 'seed' (did you mean '--chunks'?)")]
    [TestCase(new[] { "worker", "127.0.0.1:1", "--nthread", "2" }, "lazydist: unknown option '--nthread' for 'worker' (did you mean '--nthreads'?)")]
    [TestCase(new[] { "seed", "chunks" }, "lazydist: unexpected argument 'chunks' for 'seed' (did you mean '--chunks'?)")]
    [TestCase(new[] { "seed", "--bogus" }, "lazydist: unknown option '--bogus' for 'seed'")]
    [TestCase(new[] { "run", "s.csx", "--schedular", "sync" }, "lazydist: unknown option '--schedular' for 'run' (did you mean '--scheduler'?); words for the script itself that start with '-' go after --")]
    [TestCase(new[] { "run", "--verbos", "s.csx" }, "lazydist: unknown option '--verbos' for 'run' (did you mean '--verbose'?); words for the script itself that start with '-' go after --")]
    [TestCase(new[] { "center", "--log-levl", "debug" }, "lazydist: unknown option '--log-levl' for 'center' (did you mean '--log-level'?)")]
    [TestCase(new[] { "worker", "--host", "notanip", "127.0.0.1:1" }, "lazydist: --host 'notanip' is not an IP address to listen on (such as 127.0.0.1, or 0.0.0.0 for every interface)")]
    [TestCase(new[] { "worker", "127.0.0.1:1", "--center-timeout", "-5" }, "lazydist: --center-timeout must be a number of seconds above 0, got -5")]
    [TestCase(new[] { "worker", "127.0.0.1:1", "--center-timeout", "soon" }, "lazydist: --center-timeout 'soon' is not a number")]
    [TestCase(new[] { "center", "--host", "what" }, "lazydist: --host 'what' is not an IP address to listen on (such as 127.0.0.1, or 0.0.0.0 for every interface)")]
    [TestCase(new[] { "seed", "--log-level", "loud" }, "lazydist: --log-level 'loud' is not a log level (expected trace | debug | information | warning | error | critical | none)")]
    public void Parse_OneMistake_OneLineExit2(string[] args, string expected)
    {
        var run = CliRun.InProcess(args);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Is.EqualTo(expected + Environment.NewLine));
            Assert.That(run.Output, Is.Empty);
        });
    }

    [Test]
    public void Parse_SeveralMistakes_EveryOneShown()
    {
        var run = CliRun.InProcess("seed", "--chunks", "0", "--chunk-size", "many", "--scheduler", "gpu", "--api", "numpy", "--bogus");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error.TrimEnd().Split(Environment.NewLine), Is.EquivalentTo(new[]
            {
                "lazydist: unknown option '--bogus' for 'seed'",
                "lazydist: --chunks must be at least 1, got 0",
                "lazydist: --chunk-size 'many' is not a whole number",
                "lazydist: --scheduler 'gpu' is not a scheduler (expected sync | threads[:N] | processes[:N] | tcp://HOST:PORT)",
                "lazydist: --api 'numpy' is not an API (expected array | delayed | graph)",
            }));
        });
    }

    [Test]
    public void Parse_WorkerMistakes_EveryOneShown()
    {
        var run = CliRun.InProcess("worker", "nowhere", "--nthreads", "0", "--host", "notanip", "--center-timeout", "-5");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error.TrimEnd().Split(Environment.NewLine), Has.Length.EqualTo(4), run.Error);
            Assert.That(run.Error, Does.Contain("'nowhere' is not an address of the form host:port").And.Contain("--nthreads must be at least 1, got 0")
                .And.Contain("--host 'notanip'").And.Contain("--center-timeout must be a number of seconds above 0, got -5"));
        });
    }

    [TestCase("seed")]
    [TestCase("center")]
    [TestCase("worker", "127.0.0.1:1")]
    [TestCase("run", "script.csx")]
    public void Parse_LogLevelOnEveryCommand_Accepted(params string[] command)
    {
        var run = CliRun.InProcess([.. command, "--log-level", "bogus"]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.StartWith("lazydist: --log-level 'bogus' is not a log level"), "parsed as the option, not as an unknown word");
        });
    }
}
