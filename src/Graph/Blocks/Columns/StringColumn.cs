using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace LazyDist.Graph.Blocks.Columns;

/// <summary>
/// Strings as one length per string (−1 for null) and one run of their UTF-8 bytes; a column with a
/// string that is not valid UTF-16 (a lone surrogate) is written as UTF-16 instead, so nothing is lost.
/// </summary>
internal sealed class StringColumn : ColumnCodec<string>
{
    private const byte Utf8Form = 0, Utf16Form = 1;

    public override string Schema => "string";

    public override void Write(ReadOnlySpan<string> values, BlockWriter writer)
    {
        var lengths = ArrayPool<int>.Shared.Rent(Math.Max(1, values.Length));
        var data = new ArrayBufferWriter<byte>(Math.Max(16, values.Length * 8));
        try
        {
            bool utf8 = TryUtf8(values, lengths, data);
            writer.WriteByte(utf8 ? Utf8Form : Utf16Form);
            if (!utf8)
            {
                data.Clear();
                for (int i = 0; i < values.Length; i++)
                {
                    var bytes = MemoryMarshal.AsBytes((values[i] ?? "").AsSpan());
                    lengths[i] = values[i] is null ? -1 : bytes.Length;
                    data.Write(bytes);
                }
            }
            writer.WriteValues<int>(lengths.AsSpan(0, values.Length));
            writer.WriteInt32(data.WrittenCount);
            writer.WriteBytes(data.WrittenSpan);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(lengths);
        }
    }

    private static bool TryUtf8(ReadOnlySpan<string> values, int[] lengths, ArrayBufferWriter<byte> data)
    {
        for (int i = 0; i < values.Length; i++)
        {
            var s = values[i];
            if (s is null)
            {
                lengths[i] = -1;
                continue;
            }
            var into = data.GetSpan(checked(s.Length * 3));
            if (Utf8.FromUtf16(s, into, out _, out int written, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
                return false;
            lengths[i] = written;
            data.Advance(written);
        }
        return true;
    }

    public override void Read(ref BlockReader reader, Span<string> into)
    {
        byte form = reader.ReadByte();
        if (form is not (Utf8Form or Utf16Form))
            throw new FormatException($"unknown string column form {form}");
        var lengths = ArrayPool<int>.Shared.Rent(Math.Max(1, into.Length));
        try
        {
            reader.ReadValues(lengths.AsSpan(0, into.Length));
            var data = reader.Take(reader.ReadInt32());
            int at = 0;
            for (int i = 0; i < into.Length; i++)
            {
                int length = lengths[i];
                if (length < 0)
                {
                    into[i] = null!;
                    continue;
                }
                if (length > data.Length - at)
                    throw new FormatException($"string {i} of a block claims {length} bytes with only {data.Length - at} left");
                var bytes = data.Slice(at, length);
                into[i] = form == Utf8Form ? Encoding.UTF8.GetString(bytes) : new string(MemoryMarshal.Cast<byte, char>(bytes));
                at += length;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(lengths);
        }
    }

    public override long Estimate(string value) => value is null ? 8 : 24 + 2L * value.Length;
}
