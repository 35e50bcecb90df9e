using System.Buffers;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace LazyDist.Collections;

/// <summary>
/// Reads the lines that start in one byte range of a UTF-8 file, as <see cref="File.ReadLines(string)"/>
/// gives them (no terminator; <c>\n</c>, <c>\r\n</c> and <c>\r</c> end a line; empty lines kept; a BOM at
/// the start of the file skipped). A line belongs to the range it starts in, so a line is never cut or
/// read twice however the file is cut, and a range reads only its own lines (the last one to its end).
/// </summary>
internal static class LineReader
{
    private const int BufferSize = 1 << 20;

    /// <summary>Pushes the lines that start at or after <paramref name="start"/> and before <paramref name="end"/>.</summary>
    /// <exception cref="FileNotFoundException">The file is gone.</exception>
    public static void Push(string path, long start, long end, Sink<string> sink)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        long length = RandomAccess.GetLength(handle);
        end = Math.Min(end, length);
        long position = FirstLineStart(handle, start, length);
        long origin = start == 0 ? 0 : position; // the first line of the file starts at 0, before any BOM
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            Read(handle, position, origin, end, ref buffer, sink);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Read(SafeFileHandle handle, long position, long origin, long end, ref byte[] buffer, Sink<string> sink)
    {
        long bufferAt = position; // the file offset of buffer[0]
        int at = 0, filled = 0;
        bool eof = false;
        while ((bufferAt + at == position ? origin : bufferAt + at) < end)
        {
            var rest = buffer.AsSpan(at, filled - at);
            int found = rest.IndexOfAny((byte)'\n', (byte)'\r');
            int terminator = at + found;
            if (found < 0 || (buffer[terminator] == '\r' && terminator + 1 == filled && !eof))
            {
                if (eof)
                {
                    if (filled > at)
                        sink.Push(Encoding.UTF8.GetString(rest));
                    return;
                }
                // Keep the unfinished line at the front and read more behind it.
                rest.CopyTo(buffer);
                bufferAt += at;
                filled -= at;
                at = 0;
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                int read = RandomAccess.Read(handle, buffer.AsSpan(filled), bufferAt + filled);
                eof = read == 0;
                filled += read;
                continue;
            }
            int next = buffer[terminator] == '\r' && terminator + 1 < filled && buffer[terminator + 1] == '\n' ? terminator + 2 : terminator + 1;
            if (!sink.Push(Encoding.UTF8.GetString(buffer, at, terminator - at)))
                return;
            at = next;
        }
    }

    /// <summary>The first position at or after <paramref name="start"/> where a line starts (past a BOM at the file's start).</summary>
    private static long FirstLineStart(SafeFileHandle handle, long start, long length)
    {
        Span<byte> probe = stackalloc byte[4096];
        if (start == 0)
        {
            int n = RandomAccess.Read(handle, probe[..3], 0);
            return n == 3 && probe[0] == 0xEF && probe[1] == 0xBB && probe[2] == 0xBF ? 3 : 0;
        }
        for (long at = start - 1; at < length;)
        {
            int n = RandomAccess.Read(handle, probe, at);
            if (n == 0)
                break;
            int found = probe[..n].IndexOfAny((byte)'\n', (byte)'\r');
            if (found < 0)
            {
                at += n;
                continue;
            }
            long terminator = at + found;
            if (probe[found] == '\n')
                return terminator + 1;
            Span<byte> after = stackalloc byte[1];
            return RandomAccess.Read(handle, after, terminator + 1) == 1 && after[0] == '\n' ? terminator + 2 : terminator + 1;
        }
        return length;
    }
}
