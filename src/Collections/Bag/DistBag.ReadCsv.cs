using LazyDist.Graph;

namespace LazyDist.Collections;

public static partial class DistBag
{
    /// <summary>
    /// The rows of CSV files as records, read with Sep, one partition per file (a quoted field may hold a
    /// line break, so a file is not cut): columns map to <typeparamref name="TRecord"/>'s constructor
    /// parameters and settable properties by header name, or by position in constructor order without a
    /// header; each field is parsed by its member's type in the invariant culture.
    /// </summary>
    /// <param name="pathOrGlob">A file, or a glob (see <see cref="ReadLines"/>).</param>
    /// <param name="hasHeader">Whether each file starts with a header row of column names.</param>
    /// <param name="separator">The field separator.</param>
    /// <exception cref="FileNotFoundException">The file does not exist or no file matches; the message has the path as given.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="TRecord"/> has no constructor that takes its members, or a member type cannot be parsed.</exception>
    /// <remarks>At compute time a row that does not parse fails its task with the file's path, the line number and the column.</remarks>
    public static DistBag<TRecord> ReadCsv<TRecord>(string pathOrGlob, bool hasHeader = true, char separator = ',')
    {
        var files = FileGlob.Expand(pathOrGlob);
        var read = CsvFns<TRecord>.Read(hasHeader, separator);
        var token = files.SelectMany(f => new object?[] { f, new FileInfo(f).Length, new FileInfo(f).LastWriteTimeUtc.Ticks }).Append(hasHeader).Append(separator.ToString());
        return new DistBag<TRecord>(NameOf("read-csv", [typeof(TRecord).FullName, .. token]), files.Count,
            i => PipelineRun.Node(new SourceSpec(SourceKind.Other, read, new Literal(files[i])), [], Sinks.List<TRecord>()), []);
    }

    private static class CsvFns<TRecord>
    {
        public static Func<object?, object, bool> Read(bool hasHeader, char separator) => (input, head) =>
        {
            var sink = (Sink<TRecord>)head;
            CsvRecords<TRecord>.Push((string)input!, hasHeader, separator, sink);
            sink.Complete();
            return true;
        };
    }
}
