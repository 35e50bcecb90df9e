using LazyDist.Graph;

namespace LazyDist.Collections;

public static partial class DistBag
{
    /// <summary>The default size of the byte range one partition of <see cref="ReadLines"/> reads: 64 MB.</summary>
    public const long DefaultBlockSize = 64L << 20;

    /// <summary>
    /// The lines of UTF-8 text files, lazily (dask.bag's <c>read_text</c>): each partition reads one byte range of
    /// one file and keeps the lines that start in it, so a worker reads only its range and a file of any size
    /// needs no more memory than a partition. Lines come as <see cref="File.ReadLines(string)"/> gives them (no
    /// terminator, <c>\n</c> and <c>\r\n</c>, empty lines kept), files in ordinal order of their paths.
    /// </summary>
    /// <param name="pathOrGlob">A file, or a glob: <c>*</c> and <c>?</c> in any segment, <c>**</c> for any depth of directories.</param>
    /// <param name="blockSize">The most bytes one partition reads (its last line may run past it).</param>
    /// <exception cref="FileNotFoundException">The file does not exist or no file matches; the message has the path as given.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="blockSize"/> is not positive.</exception>
    /// <remarks>The files are listed and sized now; every process that runs a partition must see them at the same paths.</remarks>
    public static DistBag<string> ReadLines(string pathOrGlob, long blockSize = DefaultBlockSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        var ranges = new List<(string Path, long Start, long End)>();
        var token = new List<object?> { blockSize };
        foreach (var file in FileGlob.Expand(pathOrGlob))
        {
            var info = new FileInfo(file);
            token.AddRange([file, info.Length, info.LastWriteTimeUtc.Ticks]);
            for (long start = 0; start == 0 || start < info.Length; start += blockSize)
                ranges.Add((file, start, Math.Min(info.Length, start + blockSize)));
        }
        return new DistBag<string>(NameOf("read-lines", [.. token]), ranges.Count,
            i => PipelineRun.Node(new SourceSpec(SourceKind.Other, Lines, new ArgList([new Literal(ranges[i].Path), new Literal(ranges[i].Start), new Literal(ranges[i].End)])),
                [], Sinks.List<string>()), []);
    }

    private static readonly Func<object?, object, bool> Lines = static (input, head) =>
    {
        var args = (object?[])input!;
        var sink = (Sink<string>)head;
        LineReader.Push((string)args[0]!, (long)args[1]!, (long)args[2]!, sink);
        sink.Complete();
        return true;
    };
}
