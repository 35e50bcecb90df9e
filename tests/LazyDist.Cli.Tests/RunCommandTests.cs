using System.Globalization;
using LazyDist.Cli.Tests.Scripting;
using LazyDist.Collections;
using LazyDist.Schedulers;

namespace LazyDist.Cli.Tests;

/// <summary><c>lazydist run script.csx</c>: in this process, and as the real program where it matters.</summary>
public class RunCommandTests
{
    private ScriptFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new ScriptFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test, CancelAfter(200_000)]
    public async Task Run_CompileError_Exit2_PrintsErrorsWithLineNumbersOnly()
    {
        string path = _folder.Write("bad.csx", "int unused = 1;\n\nConsole.WriteLine(missing);\nConsole.WriteLine(\"never\");\n");
        var run = await CliRun.AsProcessAsync("run", path);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), run.Error);
            Assert.That(run.Error, Does.StartWith($"{path}(3,19): error CS0103: The name 'missing' does not exist"));
            Assert.That(run.Error, Does.Not.Contain("warning"), "warnings only with --verbose");
            Assert.That(run.Output, Is.Empty);
        });
    }

    [Test, CancelAfter(200_000)]
    public async Task Run_ThreadsScheduler_ComputesArraySumAndScriptLambda()
    {
        const string Script = """
            int offset = 5;
            var x = DistArray.Random(200_000, chunkSize: 50_000, seed: 7);
            double total = await x.Sum().ComputeAsync(Scheduler);
            var shifted = Delayed.Call((int v) => v + offset, 1);
            Console.WriteLine($"total={total:R}");
            Console.WriteLine($"shifted={shifted.Compute(Scheduler)}");
            Console.WriteLine($"scheduler={Scheduler.GetType().Name} cluster={Cluster is not null}");
            """;
        string path = _folder.Write("sum.csx", Script);
        double expected = DistArray.Random(200_000, chunkSize: 50_000, seed: 7).Sum().Compute(new SynchronousScheduler());
        var run = await CliRun.AsProcessAsync("run", path, "--scheduler", "threads:2");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.Output.Split('\n').Select(l => l.TrimEnd()), Is.SupersetOf(new[]
            {
                $"total={expected.ToString("R", CultureInfo.InvariantCulture)}",
                "shifted=6",
                "scheduler=ThreadedScheduler cluster=False",
            }));
        });
    }

    [Test, CancelAfter(200_000)]
    public async Task Run_ScriptThrows_Exit1_NamesTypeMessageAndScriptLine()
    {
        string path = _folder.Write("boom.csx", "Console.WriteLine(\"before\");\nthrow new InvalidOperationException(\"boom\");\n");
        var run = await CliRun.AsProcessAsync("run", path);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Output.Trim(), Is.EqualTo("before"));
            Assert.That(run.Error, Does.StartWith("error: System.InvalidOperationException: boom"));
            Assert.That(run.Error, Does.Contain($"in {path}:line 2"));
            Assert.That(run.Error, Does.Not.Contain("ScriptRunner"), "lazydist's own frames are left out");
        });
    }

    [Test]
    public void Run_TaskThrows_Exit1_NamesTheFailingKey()
    {
        string path = _folder.Write("div.csx", "var d = Delayed.Call((int v) => 10 / (v - 1), 1, key: \"divide\");\nConsole.WriteLine(d.Compute(Scheduler));\n");
        var run = CliRun.InProcess("run", path, "--scheduler", "sync");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Error, Does.StartWith("error: LazyDist.Graph.TaskFailedException: task 'divide' failed: System.DivideByZeroException"));
            Assert.That(run.Error, Does.Contain("\nkey: 'divide'"));
            Assert.That(run.Error, Does.Contain($"in {path}:line 1"), "the lambda's frame");
        });
    }

    [Test]
    public void Run_MissingFile_Exit2_OneLine()
    {
        string path = Path.Combine(_folder.Path, "nowhere.csx");
        var run = CliRun.InProcess("run", path);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error.TrimEnd(), Is.EqualTo($"lazydist: script '{path}' does not exist"));
            Assert.That(run.Output, Is.Empty);
        });
    }

    [Test]
    public void Run_BadScheduler_Exit2_BeforeCompiling()
    {
        string path = _folder.Write("bad.csx", "this does not compile");
        var run = CliRun.InProcess("run", path, "--scheduler", "gpu");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error.TrimEnd(), Does.StartWith("lazydist: --scheduler 'gpu' is not a scheduler"));
        });
    }

    [Test]
    public void Run_ArgsAndReturnValue_ReachTheScriptAndTheExitCode()
    {
        string path = _folder.Write("args.csx", "Console.WriteLine(string.Join(\",\", args));\nreturn args.Length;\n");
        var run = CliRun.InProcess("run", path, "a", "b", "--", "--c");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(3), run.Error);
            Assert.That(run.Output.Trim(), Is.EqualTo("a,b,--c"));
        });
    }

    [Test]
    public void Run_Verbose_PrintsWarningsAndCompileTime()
    {
        string path = _folder.Write("warn.csx", "int unused = 1;\nConsole.WriteLine(\"ran\");\n");
        var run = CliRun.InProcess("run", path, "--verbose", "--scheduler", "sync");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.Output.Trim(), Is.EqualTo("ran"));
            Assert.That(run.Error, Does.Contain($"{path}(1,5): warning CS0219"));
            Assert.That(run.Error, Does.Match(@"lazydist: compiled warn-[0-9a-f]{16} in \d+\.\d{3} s"));
        });
    }

    /// <summary>Top-level statements compile into <c>&lt;Main&gt;$</c>: their lambdas are still named after Main, in keys and pictures.</summary>
    [Test]
    public void Run_TopLevelLambda_NamedMainLambdaInKeyAndPicture()
    {
        string path = _folder.Write("names.csx", """
            int Square(int v) => v * v;
            var shifted = Delayed.Call((int v) => v + 1, 1);
            var squared = Delayed.Call(Square, shifted);
            Console.WriteLine(squared.Key.Name.Split('-')[0]);
            Console.WriteLine(shifted.Key.Name[..shifted.Key.Name.LastIndexOf('-')]);
            Console.Write(squared.GetGraph(optimize: false).ToDot());
            """);
        var run = CliRun.InProcess("run", path, "--scheduler", "sync");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.Output, Does.StartWith("square\nmain-lambda\n"));
            Assert.That(run.Output, Does.Contain("shape=circle, label=\"Main-lambda\"").And.Contain("shape=circle, label=\"Square\""));
            Assert.That(run.Output, Does.Not.Contain("<"), "no compiler names");
        });
    }

    [Test]
    public void Run_SchedulerIsUnsetAfterTheScript()
    {
        string path = _folder.Write("noop.csx", "Console.WriteLine(Scheduler is SynchronousScheduler);\n");
        var run = CliRun.InProcess("run", path, "--scheduler", "sync");
        Assert.Multiple(() =>
        {
            Assert.That(run.Output.Trim(), Is.EqualTo("True"), run.Error);
            Assert.That(() => Cli.Scripting.ScriptGlobals.Scheduler, Throws.InvalidOperationException);
        });
    }

    [Test]
    public void Run_SeedExample_SameTotalAsSeedCommand()
    {
        string example = Path.Combine(CliRun.RepositoryRoot(), "examples", "seed.csx");
        var script = CliRun.InProcess("run", example, "--scheduler", "threads:2", "--", "40", "250000");
        var seed = CliRun.InProcess("seed", "--chunks", "40", "--chunk-size", "250000", "--scheduler", "sync");
        Assert.Multiple(() =>
        {
            Assert.That(script.ExitCode, Is.Zero, script.Error);
            Assert.That(script.Output, Does.StartWith($"total={seed.Fields()["total"]} seconds="));
        });
    }

    /// <summary>Needs user code shipping: the script's lambda and its captured local travel to worker processes.</summary>
    [Test, CancelAfter(200_000)]
    public async Task Run_ProcessesScheduler_ShipsScriptLambdaWithItsCapturedLocal()
    {
        const string Script = """
            int offset = 5;
            var shifted = Delayed.Call((int v) => v + offset, 1);
            Console.WriteLine($"shifted={shifted.Compute(Scheduler)} cluster={Cluster is not null}");
            """;
        await AssertPrintsAsync("ship.csx", Script, "processes:2", "shifted=6 cluster=True");
    }

    /// <summary>The script's scheduler is the default one: <c>Compute()</c> with no argument runs on the cluster.</summary>
    [Test, CancelAfter(200_000)]
    public async Task Run_ProcessesScheduler_ComputeWithNoArgumentRunsOnTheCluster()
    {
        const string Script = """
            var where = Delayed.Call((int v) => Environment.ProcessId + v, 0, pure: false);
            int pid = await Task.Run(async () => await where.ComputeAsync());
            Console.WriteLine($"on-worker={pid != Environment.ProcessId} default={DefaultScheduler.Current == Scheduler}");
            """;
        await AssertPrintsAsync("default.csx", Script, "processes:1", "on-worker=True default=True");
    }

    /// <summary>
    /// Needs user code shipping. A lambda made inside another lambda that captures only a top-level
    /// local is cached by the compiler in a field of its own closure object (<c>&lt;&gt;9__1</c>):
    /// the object graph that travels has a cycle through the delegate.
    /// </summary>
    [Test, CancelAfter(200_000)]
    public async Task Run_ProcessesScheduler_ShipsLambdaCachedInItsOwnClosure()
    {
        const string Script = """
            int offset = 5;
            var shifted = Enumerable.Range(0, 4).Select(i => Delayed.Call((int v) => v + offset, i));
            var total = Delayed.Call((int[] values) => values.Sum(), Delayed.All(shifted));
            Console.WriteLine($"total={total.Compute(Scheduler)}");
            """;
        await AssertPrintsAsync("cycle.csx", Script, "processes:2", "total=26");
    }

    /// <summary>Runs <paramref name="script"/> with the real program on <paramref name="scheduler"/> and checks all it prints.</summary>
    private async Task AssertPrintsAsync(string file, string script, string scheduler, string expected)
    {
        var run = await CliRun.AsProcessAsync("run", _folder.Write(file, script), "--scheduler", scheduler);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.Output.Trim(), Is.EqualTo(expected));
        });
    }
}
