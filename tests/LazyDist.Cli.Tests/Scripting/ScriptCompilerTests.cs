using System.Reflection;
using System.Runtime.Loader;
using LazyDist.Cli.Scripting;

namespace LazyDist.Cli.Tests.Scripting;

public class ScriptCompilerTests
{
    [Test]
    public void Compile_ValidScript_EmitsImageWithoutErrors()
    {
        var compiled = ScriptCompiler.Compile("ok.csx", "Console.WriteLine(1 + 1);\n");
        Assert.Multiple(() =>
        {
            Assert.That(compiled.Succeeded, Is.True);
            Assert.That(compiled.Errors, Is.Empty);
            Assert.That(compiled.Image, Has.Length.GreaterThan(0));
        });
    }

    [Test]
    public void Compile_UnknownName_ErrorNamesPathLineAndColumn()
    {
        var compiled = ScriptCompiler.Compile("bad.csx", "int a = 1;\n\nConsole.WriteLine(b);\n");
        var errors = compiled.Errors.Select(d => d.ToString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(compiled.Succeeded, Is.False);
            Assert.That(compiled.Image, Is.Null);
            Assert.That(errors, Has.Count.EqualTo(1));
            Assert.That(errors[0], Does.StartWith("bad.csx(3,19): error CS0103: The name 'b' does not exist"));
            Assert.That(compiled.Warnings.Select(d => d.Id), Does.Contain("CS0219"), "the unused local is a warning, not an error");
        });
    }

    [Test]
    public void Compile_MissingSemicolon_ErrorOnItsLine()
    {
        var compiled = ScriptCompiler.Compile("semi.csx", "var a = 1;\nConsole.WriteLine(a)\n");
        Assert.That(compiled.Errors.Select(d => d.ToString()), Has.Some.StartWith("semi.csx(2,21): error CS1002: ; expected"));
    }

    [Test]
    public void Compile_UsesGlobalsAndLibraryNamespaces_WithoutUsings()
    {
        const string Text = """
            IScheduler s = Scheduler;
            DistributedScheduler? c = Cluster;
            var x = DistArray.Random(10, chunkSize: 5, seed: 1);
            var d = Delayed.Call((int v) => v + 1, 1);
            var g = new TaskGraph();
            var t = new SynchronousScheduler();
            List<int> list = [.. Enumerable.Range(0, 3)];
            await Task.CompletedTask;
            """;
        var compiled = ScriptCompiler.Compile("scope.csx", Text);
        Assert.That(compiled.Errors.Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public void Compile_NullableMisuse_IsAWarningOnly()
    {
        var compiled = ScriptCompiler.Compile("nulls.csx", "string? s = null;\nConsole.WriteLine(s.Length);\n");
        Assert.Multiple(() =>
        {
            Assert.That(compiled.Succeeded, Is.True);
            Assert.That(compiled.Warnings.Select(d => d.Id), Does.Contain("CS8602"));
        });
    }

    [Test]
    public void AssemblyName_FileNameAndHash_StableForTheSameScript()
    {
        var first = ScriptCompiler.Compile("/tmp/my seed.csx", "Console.WriteLine(1);");
        var second = ScriptCompiler.Compile("/tmp/my seed.csx", "Console.WriteLine(1);");
        Assert.Multiple(() =>
        {
            Assert.That(first.AssemblyName, Does.Match("^my_seed-[0-9a-f]{16}$"));
            Assert.That(second.AssemblyName, Is.EqualTo(first.AssemblyName));
            Assert.That(second.Image, Is.EqualTo(first.Image), "deterministic: the same script gives the same bytes");
        });
    }

    [Test]
    public void AssemblyName_DifferentTextOrPath_DifferentName()
    {
        string name = ScriptCompiler.AssemblyNameFor("a.csx", "Console.WriteLine(1);");
        Assert.Multiple(() =>
        {
            Assert.That(ScriptCompiler.AssemblyNameFor("a.csx", "Console.WriteLine(2);"), Is.Not.EqualTo(name));
            Assert.That(ScriptCompiler.AssemblyNameFor("other/a.csx", "Console.WriteLine(1);"), Is.Not.EqualTo(name));
            Assert.That(ScriptCompiler.AssemblyNameFor(".csx", ""), Does.StartWith("script-"));
        });
    }

    [Test]
    public void Compile_LocalCapturedByLambda_IsAFieldOfAnOrdinaryClosureClass()
    {
        var compiled = ScriptCompiler.Compile("capture.csx", "int offset = 5;\nvar d = Delayed.Call((int v) => v + offset, 1);\n");
        Assert.That(compiled.Succeeded, Is.True, string.Join("\n", compiled.Errors));
        var context = new AssemblyLoadContext("capture-test", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(compiled.Image!));
            var closures = assembly.GetTypes()
                .Where(t => t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Any(f => f.Name == "offset"))
                .ToList();
            Assert.That(closures, Has.Count.EqualTo(1));
            var fields = closures[0].GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
            Assert.That(fields.Select(f => (f.Name, f.FieldType)), Is.EqualTo(new[] { ("offset", typeof(int)) }), "it holds the captured value and nothing else");
        }
        finally
        {
            context.Unload();
        }
    }
}
