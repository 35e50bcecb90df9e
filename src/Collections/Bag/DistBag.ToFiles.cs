using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using LazyDist.Graph;
using LazyDist.Graph.Blocks.Columns;
using LazyDist.Schedulers;
using nietras.SeparatedValues;

namespace LazyDist.Collections;

public static partial class DistBag
{
    /// <summary>
    /// Writes each partition to <c>part-NNNNN.txt</c> in <paramref name="directory"/>, one element per line
    /// (its invariant-culture text, UTF-8, <c>\n</c>), by the process that computes the partition (a worker
    /// on a cluster: the directory must be one it can write), and waits until every file is written.
    /// </summary>
    /// <param name="source">The bag to write, one file per partition.</param>
    /// <param name="directory">Where the files go; made if missing.</param>
    /// <param name="scheduler">Where to run; the threaded scheduler of this process by default.</param>
    /// <returns>The paths written, in partition order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="TaskFailedException">A task failed (a file could not be written); it names the key.</exception>
    public static IReadOnlyList<string> ToTextFiles<TSource>(this DistBag<TSource> source, string directory, IScheduler? scheduler = null) =>
        Write(source, directory, "txt", FileFns<TSource>.Lines, scheduler);

    /// <summary>
    /// Writes each partition to <c>part-NNNNN.csv</c> in <paramref name="directory"/> with Sep, a header of the
    /// records' public properties and one row per element (invariant culture), by the process that computes
    /// the partition, and waits until every file is written.
    /// </summary>
    /// <inheritdoc cref="ToTextFiles{TSource}(DistBag{TSource}, string, IScheduler?)"/>
    public static IReadOnlyList<string> ToCsv<TSource>(this DistBag<TSource> source, string directory, IScheduler? scheduler = null) =>
        Write(source, directory, "csv", FileFns<TSource>.Csv, scheduler);

    private static string[] Write<TSource>(DistBag<TSource> source, string directory, string extension, Func<object?, Sink<TSource>> writer, IScheduler? scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var full = Path.GetFullPath(directory);
        var written = new DistBag<string>(NameOf($"to-{extension}", source.Name, full), source.PartitionCount,
            i => PipelineRun.Node(Sources.Partition<TSource>(source.PartitionKey(i)), [],
                Sinks.Custom(writer, new Literal(Path.Combine(full, $"part-{i:D5}.{extension}")))), [source]);
        return [.. written.Compute(scheduler)];
    }

    private static class FileFns<T>
    {
        private static readonly Lazy<(string[] Names, Func<T, object?>[] Getters)> Columns = new(() =>
        {
            var properties = typeof(T).GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0).OrderBy(p => p.MetadataToken).ToArray();
            var getters = properties.Select(p =>
            {
                var v = Expression.Parameter(typeof(T));
                return Expression.Lambda<Func<T, object?>>(Expression.Convert(Expression.Property(v, p), typeof(object)), v).Compile();
            }).ToArray();
            return ([.. properties.Select(p => p.Name)], getters);
        });

        public static readonly Func<object?, Sink<T>> Lines = static path => new FileSink<T>((string)path!, static (stream, items) =>
        {
            using var text = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            foreach (var item in items)
                text.WriteLine(Text(item));
        });

        public static readonly Func<object?, Sink<T>> Csv = static path => new FileSink<T>((string)path!, static (stream, items) =>
        {
            var (names, getters) = Columns.Value;
            using var writer = Sep.Writer(o => o with { Sep = new Sep(','), Escape = true, CultureInfo = CultureInfo.InvariantCulture }).To(stream, leaveOpen: true);
            foreach (var item in items)
            {
                using var row = writer.NewRow();
                for (int c = 0; c < names.Length; c++)
                    row[names[c]].Set(Text(getters[c](item)));
            }
            if (items.Count == 0)
                stream.Write(Encoding.UTF8.GetBytes(string.Join(",", names) + "\n"));
        });

        private static string Text(object? value) => value switch
        {
            null => "",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

    }
}

/// <summary>Collects a partition and writes it to a file when complete; its value is the path.</summary>
internal sealed class FileSink<T>(string path, Action<Stream, IReadOnlyList<T>> write) : Sink<T>, ITerminal
{
    private ItemBuffer<T> _items = new(0);

    public object? Result => new Graph.Blocks.ElementBlock<string>([path], 1);

    public override bool Push(T item)
    {
        _items.Add(item);
        return true;
    }

    public override void Complete()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        write(stream, _items.ToBlock().Items);
    }
}
