using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace LazyDist.Dashboard.Tests.Reports;

/// <summary>A performance report read back: parsed by AngleSharp in strict mode (any HTML parse error throws), with what the tests look at.</summary>
internal sealed class ReportDocument
{
    private readonly IDocument _document;

    private ReportDocument(IDocument document) => _document = document;

    public static ReportDocument Load(string path) =>
        new(new HtmlParser(new HtmlParserOptions { IsStrictMode = true }).ParseDocument(File.ReadAllText(path)));

    /// <summary>Per key group in the durations table, its task count.</summary>
    public IReadOnlyDictionary<string, int> PrefixCounts => Rows("table.prefixes tr.prefix", "data-count");

    /// <summary>Per key group in the durations table, how many of its runs threw.</summary>
    public IReadOnlyDictionary<string, int> PrefixErred => Rows("table.prefixes tr.prefix", "data-erred");

    /// <summary>The workers the transfers table lists, by name, ordered.</summary>
    public IReadOnlyList<string> Workers => [.. _document.QuerySelectorAll("table.transfers tr.worker").Select(r => r.GetAttribute("data-name")!)];

    public int Count(string id) => int.Parse(_document.GetElementById(id)?.GetAttribute("data-count") ?? throw new AssertionException($"the report has no #{id}"), System.Globalization.CultureInfo.InvariantCulture);

    public string? TextOf(string id) => _document.GetElementById(id)?.TextContent;

    public int Elements(string selector) => _document.QuerySelectorAll(selector).Length;

    /// <summary>Addresses the report would fetch: any src, href or url() that is not an in-page reference (a self-contained report has none).</summary>
    public IReadOnlyList<string> External =>
    [
        .. _document.QuerySelectorAll("[src],[href],link,script").Select(e => e.GetAttribute("src") ?? e.GetAttribute("href") ?? e.LocalName)
            .Where(a => !a.StartsWith('#')),
    ];

    private Dictionary<string, int> Rows(string selector, string attribute) =>
        _document.QuerySelectorAll(selector).ToDictionary(r => r.GetAttribute("data-prefix")!, r => int.Parse(r.GetAttribute(attribute)!, System.Globalization.CultureInfo.InvariantCulture));
}
