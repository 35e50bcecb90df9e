using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using LazyDist.Graph.Blocks.Columns;
using nietras.SeparatedValues;

namespace LazyDist.Collections;

/// <summary>
/// Reads a CSV file into records with Sep: columns map to the record's constructor parameters and
/// settable members by header name (case-insensitive), or by position in that order without a header;
/// each field is parsed by its member's type (invariant culture; an empty field is null for nullable
/// members). A field that does not parse fails with the path and line number.
/// </summary>
internal static class CsvRecords<TRecord>
{
    private static readonly Lazy<(MemberInfo[] Members, Func<ReadOnlySpan<char>, object?>[] Parsers, Func<object?[], TRecord> Make)> Shape = new(Build);

    public static void Push(string path, bool hasHeader, char separator, Sink<TRecord> sink)
    {
        var (members, parsers, make) = Shape.Value;
        using var reader = Sep.Reader(o => o with { HasHeader = hasHeader, Sep = new Sep(separator), Unescape = true, DisableColCountCheck = true }).FromFile(path);
        var columns = new int[members.Length];
        for (int m = 0; m < members.Length; m++)
        {
            columns[m] = !hasHeader ? m : reader.Header.ColNames.ToList().FindIndex(n => string.Equals(n.Trim(), members[m].Name, StringComparison.OrdinalIgnoreCase));
            if (columns[m] < 0)
                throw new FormatException($"{path}: no column named {members[m].Name} for {typeof(TRecord).Name} (columns: {string.Join(", ", reader.Header.ColNames)})");
        }
        var values = new object?[members.Length];
        foreach (var row in reader)
        {
            for (int m = 0; m < members.Length; m++)
            {
                if (columns[m] >= row.ColCount)
                    throw new FormatException($"{path}: line {row.LineNumberFrom}: {row.ColCount} columns, no column {columns[m] + 1} for {members[m].Name}");
                var text = row[columns[m]].Span;
                try
                {
                    values[m] = parsers[m](text);
                }
                catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
                {
                    throw new FormatException($"{path}: line {row.LineNumberFrom}: column {members[m].Name}: cannot read '{text}' as {CompositeShape.TypeOf(members[m]).Name}: {e.Message}", e);
                }
            }
            if (!sink.Push(make(values)))
                return;
        }
    }

    private static (MemberInfo[], Func<ReadOnlySpan<char>, object?>[], Func<object?[], TRecord>) Build()
    {
        var shape = CompositeShape.Of(typeof(TRecord), out var reason) ?? throw new NotSupportedException($"cannot read CSV rows as {typeof(TRecord)}: {reason}");
        var parsers = shape.Members.Select(m => Parser(CompositeShape.TypeOf(m))).ToArray();
        var values = Expression.Parameter(typeof(object?[]), "values");
        Expression ValueOf(int m) => Expression.Convert(Expression.ArrayIndex(values, Expression.Constant(m)), CompositeShape.TypeOf(shape.Members[m]));
        var made = shape.Constructor is null ? Expression.New(typeof(TRecord)) : Expression.New(shape.Constructor, Enumerable.Range(0, shape.ConstructorArguments).Select(ValueOf));
        Expression body = shape.Members.Length == shape.ConstructorArguments ? made
            : Expression.MemberInit(made, Enumerable.Range(shape.ConstructorArguments, shape.Members.Length - shape.ConstructorArguments).Select(m => Expression.Bind(shape.Members[m], ValueOf(m))));
        return (shape.Members, parsers, Expression.Lambda<Func<object?[], TRecord>>(Expression.Convert(body, typeof(TRecord)), values).Compile());
    }

    private static Func<ReadOnlySpan<char>, object?> Parser(Type type)
    {
        if (type == typeof(string))
            return static s => s.ToString();
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            var parse = Parser(inner);
            return s => s.IsWhiteSpace() ? null : parse(s);
        }
        if (type.IsEnum)
            return s => Enum.Parse(type, s, ignoreCase: true);
        var spanParsable = typeof(ISpanParsable<>).MakeGenericType(type);
        if (!spanParsable.IsAssignableFrom(type))
            throw new NotSupportedException($"a CSV column cannot be read as {type} (it is not ISpanParsable)");
        return (Func<ReadOnlySpan<char>, object?>)typeof(CsvRecords<TRecord>).GetMethod(nameof(ParserOf), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, null)!;
    }

    private static Func<ReadOnlySpan<char>, object?> ParserOf<T>() where T : ISpanParsable<T> =>
        static s => T.Parse(s.Trim(), CultureInfo.InvariantCulture);
}
