using System.Xml.Linq;

namespace LazyDist.Graph.Tests.Algorithms;

/// <summary>
/// A fresh temporary folder for pictures drawn by Graphviz's real <c>dot</c>, and a count of the nodes it laid out
/// in one (shared with Collections.Tests' <c>GraphPicturesTests</c> as a linked file).
/// </summary>
internal sealed class GraphvizPictures : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("lazydist-dot-").FullName;

    /// <summary>Draws <paramref name="graph"/> to <paramref name="name"/> (an .svg) and counts the nodes Graphviz laid out.</summary>
    public int Nodes(TaskGraph graph, string name, bool collapse = false)
    {
        string path = Path.Combine(Folder, name);
        graph.Visualize(path, collapse);
        XNamespace svg = "http://www.w3.org/2000/svg";
        return XDocument.Load(path).Descendants(svg + "g").Count(g => (string?)g.Attribute("class") == "node");
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
