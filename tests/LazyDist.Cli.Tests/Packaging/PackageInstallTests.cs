using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LazyDist.Collections;

namespace LazyDist.Cli.Tests.Packaging;

/// <summary>
/// LazyDist as a new user gets it: every package packed into a folder, a fresh console app
/// outside the repository that adds <c>LazyDist</c> from that folder and runs the README's seed
/// snippet, and the <c>LazyDist.Cli</c> tool installed from the same folder running
/// <c>lazydist seed --chunks 10</c>. One test: it restores and builds a project (about a minute).
/// </summary>
public partial class PackageInstallTests
{
    private static readonly TimeSpan StepBound = TimeSpan.FromMinutes(10);

    [Test, CancelAfter(1_800_000)]
    public async Task PackAll_FreshAppAddsLazyDist_RunsReadmeSeed_ToolInstallsAndRunsSeed()
    {
        string repository = CliRun.RepositoryRoot();
        string work = Directory.CreateTempSubdirectory("lazydist-install-").FullName;
        try
        {
            // A version no earlier run used, so no NuGet cache can hand back an older build.
            string version = "0.1.0-test." + Guid.NewGuid().ToString("N")[..12];
            string feed = Path.Combine(work, "feed");
            var pack = await RunAsync(repository, "dotnet", "pack", Path.Combine(repository, "LazyDist.sln"), "-c", Configuration(), "--no-build", "-o", feed, $"-p:Version={version}");
            Assert.That(pack.ExitCode, Is.Zero, pack.Text);
            Assert.That(Directory.GetFiles(feed).Select(Path.GetFileName), Is.SupersetOf(new[]
            {
                $"LazyDist.{version}.nupkg", $"LazyDist.Graph.{version}.nupkg", $"LazyDist.Graph.{version}.snupkg",
                $"LazyDist.Schedulers.{version}.nupkg", $"LazyDist.Collections.{version}.nupkg", $"LazyDist.Cli.{version}.nupkg",
            }));

            string config = WriteNuGetConfig(work, feed);
            string app = Path.Combine(work, "MyApp");
            Directory.CreateDirectory(app);
            File.WriteAllText(Path.Combine(app, "MyApp.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(app, "Program.cs"), ReadmeSnippet(repository));
            var add = await RunAsync(app, "dotnet", "add", "package", "LazyDist", "--version", version);
            Assert.That(add.ExitCode, Is.Zero, add.Text);
            var run = await RunAsync(app, "dotnet", "run", "-c", "Release");
            double expected = DistArray.Random(1_000_000L * 1000, chunkSize: 1_000_000, seed: 42).Sum().Compute();
            Assert.That(run.ExitCode, Is.Zero, run.Text);
            Assert.That(run.Output.Trim(), Is.EqualTo($"total={expected.ToString("R", CultureInfo.InvariantCulture)} same_bits=True"));

            string tools = Path.Combine(work, "tools");
            var install = await RunAsync(work, "dotnet", "tool", "install", "LazyDist.Cli", "--version", version, "--tool-path", tools, "--configfile", config);
            Assert.That(install.ExitCode, Is.Zero, install.Text);
            var seed = await RunAsync(work, Path.Combine(tools, "lazydist"), "seed", "--chunks", "10");
            Assert.Multiple(() =>
            {
                Assert.That(seed.ExitCode, Is.Zero, seed.Text);
                Assert.That(seed.Output, Does.StartWith("seed api=array scheduler=threads chunks=10 chunk_size=1000000 seconds="));
            });
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// The app's NuGet.config: the packed folder as a source beside the machine's own (inherited
    /// from the user's configuration, not named here), packages restored into the work folder so the
    /// machine's cache is left alone, falling back to that cache for what the repository restored already.
    /// </summary>
    private static string WriteNuGetConfig(string work, string feed)
    {
        string machineCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var config = new XDocument(new XElement("configuration",
            new XElement("config", new XElement("add", new XAttribute("key", "globalPackagesFolder"), new XAttribute("value", Path.Combine(work, "packages")))),
            new XElement("packageSources", new XElement("add", new XAttribute("key", "lazydist-local"), new XAttribute("value", feed))),
            new XElement("fallbackPackageFolders", new XElement("add", new XAttribute("key", "machine"), new XAttribute("value", machineCache)))));
        string path = Path.Combine(work, "NuGet.config");
        config.Save(path);
        return path;
    }

    /// <summary>The C# block of the README's "Use it in your project".</summary>
    private static string ReadmeSnippet(string repository)
    {
        string readme = File.ReadAllText(Path.Combine(repository, "README.md"));
        int section = readme.IndexOf("### Use it in your project", StringComparison.Ordinal);
        Assert.That(section, Is.GreaterThanOrEqualTo(0), "the README has a 'Use it in your project' section");
        var block = CSharpBlock().Match(readme, section);
        Assert.That(block.Success, Is.True, "that section has a csharp block");
        return block.Groups[1].Value;
    }

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    /// <summary>Runs a program to its end, bounded; its environment is this one's less LAZYDIST_* and MSBuild's own variables.</summary>
    private static async Task<(int ExitCode, string Output, string Text)> RunAsync(string folder, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args)
            start.ArgumentList.Add(arg);
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("LAZYDIST_", StringComparison.Ordinal) || k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (!start.Environment.TryGetValue("DOTNET_ROOT", out string? root) || string.IsNullOrEmpty(root))
            start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(DotnetHost()); // the tool's shim looks for the runtime there
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StepBound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{program} {string.Join(' ', args)}' did not finish within {StepBound.TotalMinutes} minutes:\n{await output}\n{await error}");
        }
        string text = $"{program} {string.Join(' ', args)} (exit {process.ExitCode}):\n{await output}\n{await error}";
        TestContext.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(program)} {args[0]}: {clock.Elapsed.TotalSeconds:F1} s"));
        return (process.ExitCode, await output, text);
    }

    /// <summary>The <c>dotnet</c> executable that runs these tests (its folder is the tool shim's DOTNET_ROOT).</summary>
    private static string DotnetHost()
    {
        string? path = Environment.ProcessPath;
        if (path is not null && Path.GetFileNameWithoutExtension(path) == "dotnet")
            return path;
        string root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(typeof(object).Assembly.Location)))) ?? "";
        return Path.Combine(root, "dotnet");
    }

    /// <summary>The build configuration these tests were built in (Release in CI).</summary>
    private static string Configuration() => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
}
