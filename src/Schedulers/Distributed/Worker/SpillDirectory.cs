namespace LazyDist.Distributed.Worker;

/// <summary>
/// A worker's local directory for spilled values: made when the worker starts, removed when it stops.
/// It holds a lock file open for the worker's life, so a directory whose lock can be taken belongs to
/// a worker that died without cleaning up; the next worker to start under the same parent removes it.
/// </summary>
internal sealed class SpillDirectory : IDisposable
{
    private const string Prefix = "lazydist-worker-";
    private const string LockName = ".lock";
    private readonly FileStream _lock;
    private long _files;

    private SpillDirectory(string path, FileStream held)
    {
        Path = path;
        _lock = held;
    }

    /// <summary>The directory.</summary>
    public string Path { get; }

    /// <summary>Makes a new directory under <paramref name="parent"/> (the system's temporary directory when null), after removing ones dead workers left.</summary>
    /// <exception cref="IOException">The directory cannot be made.</exception>
    public static SpillDirectory Create(string? parent, string workerName)
    {
        parent ??= System.IO.Path.GetTempPath();
        Directory.CreateDirectory(parent);
        RemoveAbandoned(parent);
        string safe = string.Concat(workerName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        if (safe.Length > 40)
            safe = safe[..40];
        string path = System.IO.Path.Combine(parent, $"{Prefix}{safe}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        var held = new FileStream(System.IO.Path.Combine(path, LockName), FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        return new SpillDirectory(path, held);
    }

    /// <summary>A new file name in the directory.</summary>
    public string NewFile() => System.IO.Path.Combine(Path, $"{Interlocked.Increment(ref _files)}.spill");

    /// <summary>Deletes a spilled value's file; one already gone is fine.</summary>
    public static void Delete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Removed with the directory at the latest.
        }
    }

    /// <summary>Removes the directory and everything in it.</summary>
    public void Dispose()
    {
        _lock.Dispose();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Already gone, or busy: the next worker under this parent removes it.
        }
    }

    private static void RemoveAbandoned(string parent)
    {
        foreach (string dir in Directory.EnumerateDirectories(parent, Prefix + "*"))
        {
            try
            {
                using (new FileStream(System.IO.Path.Combine(dir, LockName), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                }
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Locked by a live worker, or not ours to remove.
            }
        }
    }
}
