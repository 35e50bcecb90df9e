using LazyDist.Cli.Parsing;

namespace LazyDist.Cli.Tests.Parsing;

public class NearestNamesTests
{
    private static readonly string[] Commands = ["seed", "run", "center", "worker"];
    private static readonly string[] SeedOptions = ["--chunks", "--chunk-size", "--scheduler", "--api", "--seed", "--token", "--log-level", "--help"];

    [TestCase("sede", "seed")]
    [TestCase("sed", "seed")]
    [TestCase("centre", "center")]
    [TestCase("wroker", "worker")]
    [TestCase("WORKER", "worker")]
    [TestCase("rnu", "run")]
    public void Of_MistypedCommand_TheCommand(string typed, string expected) =>
        Assert.That(NearestNames.Of(typed, Commands), Is.EqualTo(new[] { expected }));

    [TestCase("--chunk", "--chunks")]
    [TestCase("-chunks", "--chunks")]
    [TestCase("--chunksize", "--chunk-size")]
    [TestCase("--schedular", "--scheduler")]
    [TestCase("--tokn", "--token")]
    [TestCase("--loglevel", "--log-level")]
    public void Of_MistypedOption_TheOption(string typed, string expected) =>
        Assert.That(NearestNames.Of(typed, SeedOptions), Is.EqualTo(new[] { expected }));

    [TestCase("xyz")]
    [TestCase("compute")]
    [TestCase("s")]
    public void Of_NothingClose_None(string typed) => Assert.That(NearestNames.Of(typed, Commands), Is.Empty);

    [Test]
    public void Of_Ties_AllOfThemInOrder() => Assert.That(NearestNames.Of("rum", ["run", "sum", "rim"]), Is.EqualTo(new[] { "run", "sum", "rim" }));

    [TestCase("", "", 0)]
    [TestCase("abc", "", 3)]
    [TestCase("kitten", "sitting", 3)]
    [TestCase("ca", "ac", 1)]
    [TestCase("abcdef", "abdcef", 1)]
    public void Distance_Examples(string a, string b, int expected) => Assert.That(NearestNames.Distance(a, b), Is.EqualTo(expected));
}
