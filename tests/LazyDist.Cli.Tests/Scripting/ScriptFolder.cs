namespace LazyDist.Cli.Tests.Scripting;

/// <summary>A fresh temporary folder of scripts for one test, deleted with it.</summary>
internal sealed class ScriptFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("lazydist-scripts-").FullName;

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in the folder; returns its full path.</summary>
    public string Write(string name, string text)
    {
        string file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
