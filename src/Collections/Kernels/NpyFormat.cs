using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LazyDist.Collections.Kernels;

/// <summary>
/// The .npy header (format 1.0): the magic, a little-endian header length, and a Python dict
/// literal padded with spaces so that data starts on a 64-byte boundary — written byte for byte
/// as numpy 1.24 writes it (including the spaces it reserves for growing the first axis).
/// </summary>
internal static partial class NpyFormat
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static byte[] Header(string descr, IReadOnlyList<long> shape)
    {
        string shapeText = shape.Count switch
        {
            0 => "()",
            1 => string.Create(CultureInfo.InvariantCulture, $"({shape[0]},)"),
            _ => "(" + string.Join(", ", shape.Select(s => s.ToString(CultureInfo.InvariantCulture))) + ")",
        };
        var dict = new StringBuilder($"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shapeText}, }}");
        if (shape.Count > 0)
            dict.Append(' ', Math.Max(0, 21 - shape[0].ToString(CultureInfo.InvariantCulture).Length));
        int hlen = dict.Length + 1;
        int pad = 64 - ((Magic.Length + 4 + hlen) % 64);
        dict.Append(' ', pad).Append('\n');
        var text = Encoding.Latin1.GetBytes(dict.ToString());
        if (text.Length > ushort.MaxValue)
            throw new NotSupportedException($"a .npy header of {text.Length} bytes needs format 2.0");
        var header = new byte[Magic.Length + 4 + text.Length];
        Magic.CopyTo(header, 0);
        header[6] = 1;
        header[7] = 0;
        header[8] = (byte)(text.Length & 0xFF);
        header[9] = (byte)(text.Length >> 8);
        text.CopyTo(header, 10);
        return header;
    }

    /// <summary>Reads the header of <paramref name="path"/>: descriptor, shape and where the data starts.</summary>
    /// <exception cref="FormatException">Not a .npy file, Fortran order, or a header this reader does not understand; the message names the file.</exception>
    public static (string Descr, long[] Shape, long DataOffset) Read(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> prefix = stackalloc byte[12];
        if (stream.ReadAtLeast(prefix, 10, throwOnEndOfStream: false) < 10 || !prefix[..6].SequenceEqual(Magic))
            throw new FormatException($"{path} is not a .npy file");
        int major = prefix[6];
        long headerLength, start;
        if (major == 1)
        {
            headerLength = prefix[8] | (prefix[9] << 8);
            start = 10;
        }
        else if (major is 2 or 3)
        {
            headerLength = BitConverter.ToUInt32(prefix[8..12]);
            start = 12;
        }
        else
        {
            throw new FormatException($"{path}: .npy format version {major} is not supported");
        }
        var text = new byte[headerLength];
        stream.Position = start;
        stream.ReadExactly(text);
        string header = Encoding.Latin1.GetString(text);
        var descr = DescrPattern().Match(header);
        var fortran = FortranPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
            throw new FormatException($"{path}: cannot read the .npy header {header.Trim()}");
        if (fortran.Groups[1].Value == "True")
            throw new FormatException($"{path}: Fortran-order arrays are not supported; save it in C order (np.ascontiguousarray)");
        long[] dims = [.. shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.Parse(s.TrimEnd('L'), CultureInfo.InvariantCulture))];
        return (descr.Groups[1].Value, dims, start + headerLength);
    }

    [GeneratedRegex(@"'descr':\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order':\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape':\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
