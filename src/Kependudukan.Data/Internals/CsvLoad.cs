using System.Text;
using Kependudukan.Aggregation;
using Microsoft.Win32.SafeHandles;
using static System.FormattableString;

namespace Kependudukan.Data.Internals;

/// <summary>Loads CSV into a session: the header, then every record through the fast path or the general path; a large file
/// in parts on several threads.</summary>
internal static class CsvLoad
{
    /// <summary>The rows after which a load estimates how many rows its input holds, to size the destination once.</summary>
    private const int EstimateAfterRows = 16_384;

    /// <summary>Loads all of the input of a reader positioned at its start.</summary>
    internal static LoadSummary Load(Utf8CsvReader reader, LoadSession session)
    {
        if (ReadHeader(reader, session) is { } layout)
        {
            LoadRecords(reader, session, layout, long.MaxValue);
        }

        return session.Complete();
    }

    /// <summary>Loads a file as UTF-8 bytes, in parts on several threads when it is large and <paramref name="newPartSink"/> is
    /// given; a file that starts with a UTF-16 or UTF-32 byte-order mark is decoded as text first.</summary>
    internal static LoadSummary LoadFile(string path, LoadSession session, Func<ResidentSink>? newPartSink)
    {
        // The readers read in large blocks, so the file stream needs no buffer of its own.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        Span<byte> start = stackalloc byte[4];
        start = start[..stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false)];
        stream.Position = 0;
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || start.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return Load(Utf8CsvReader.FromText(text, session.Separator), session);
        }

        var reader = Utf8CsvReader.FromStream(stream, session.Separator);
        if (ReadHeader(reader, session) is not { } layout)
        {
            return session.Complete();
        }

        var dataStart = reader.Position;
        var threads = (int)Math.Min(session.MaxDegreeOfParallelism, (stream.Length - dataStart) / session.MinPartBytes);
        if (newPartSink is null || threads < 2)
        {
            LoadRecords(reader, session, layout, long.MaxValue);
        }
        else
        {
            LoadParts(stream, dataStart, reader.Line, threads, session, layout, newPartSink);
        }

        return session.Complete();
    }

    /// <summary>Reads the header and maps its columns; returns <see langword="null"/> for an empty input (after letting the
    /// session report it).</summary>
    private static Layout? ReadHeader(Utf8CsvReader reader, LoadSession session)
    {
        if (!reader.TryReadRecord(out var headerLine))
        {
            session.MapColumns([], headerLine);
            return null;
        }

        var names = new string[reader.CellCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = reader.Cell(i).ToString();
        }

        var map = session.MapColumns(names, headerLine);
        var fast = !session.GeneralPathOnly && Utf8RowParser.SupportsSeparator(session.Separator);
        return new Layout(map, names.Length, fast ? new Utf8RowParser(map, names.Length, session.Separator, session.NeedsNik) : null);
    }

    /// <summary>Reads records until the input ends or a record would start at or after <paramref name="limit"/> bytes.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void LoadRecords(Utf8CsvReader reader, LoadSession session, Layout layout, long limit)
    {
        var fast = layout.Parser;
        var encoded = fast is { ReadsEncoded: true } && session.AcceptsEncoded;
        var columnCount = layout.ColumnCount;
        var dataStart = reader.Position;
        var reserved = false;
        var row = default(ResidentRow);
        while (reader.Position < limit && reader.EnsureData())
        {
            if (!reserved && session.RowsRead >= EstimateAfterRows && reader.Length > 0)
            {
                // The rows so far tell the average row length, and so about how many rows the input holds.
                var perRow = (double)(reader.Position - dataStart) / session.RowsRead;
                session.Reserve((long)((reader.Length - dataStart) / perRow * 1.02) + 1024);
                reserved = true;
            }

            // Until the destination is sized, stop at the row the estimate needs (an input of unknown length is never sized).
            if (encoded && LoadEncodedRows(reader, session, fast!, limit, reserved || reader.Length <= 0 ? long.MaxValue : EstimateAfterRows) > 0)
            {
                continue;
            }

            var length = fast?.TryParse(reader.Remaining, reader.IsFinal, out row) ?? 0;
            if (length > 0)
            {
                var line = reader.Line;
                reader.Advance(length);
                session.AddParsedRow(in row, line);
                continue;
            }

            if (!reader.TryReadRecord(out var recordLine))
            {
                break;
            }

            if (reader.CellCount != columnCount)
            {
                if (!reader.IsEmptyRecord)
                {
                    session.RejectRow(recordLine, LoadIssueKind.FieldCount,
                        Invariant($"The row has {reader.CellCount} fields; the header has {columnCount}. Is the line truncated or the separator wrong?"));
                }

                continue;
            }

            var cells = new RecordCells(reader, layout.Map);
            session.AddRow(ref cells, recordLine);
        }
    }

    /// <summary>Reads records of the buffer straight into the table's column form, while they have the common shape, raise no
    /// finding, start before <paramref name="limit"/> bytes and the session has read fewer than <paramref name="maxRows"/>
    /// rows; returns how many.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int LoadEncodedRows(Utf8CsvReader reader, LoadSession session, Utf8RowParser parser, long limit, long maxRows)
    {
        var data = reader.Remaining;
        var line = reader.Line;
        var room = limit - reader.Position;
        var consumed = 0;
        var rows = 0;
        while (consumed < room && data.Length - consumed >= Utf8RowParser.CanonicalWindow && session.RowsRead < maxRows)
        {
            var length = parser.TryParseEncoded(data[consumed..], out var cells);
            if (length == 0 || !session.TryAddEncoded(in cells, line + rows))
            {
                break;
            }

            consumed += length;
            rows++;
        }

        reader.Advance(consumed, rows);
        return rows;
    }

    /// <summary>Splits the data rows of a file into one part per thread at line starts, reads the parts in parallel and appends
    /// them in file order.</summary>
    /// <remarks>A part is assumed to start at the line after the first line break at or after its share of the file. That is a
    /// record start unless the line break lies inside a quoted cell; the part before proves it, since it reads on from a known
    /// record start until a record would start at or after the next part, which must then be exactly where that part started.
    /// Where the proof fails, the parts from there on are discarded and the rest of the file is read on this thread.</remarks>
    private static void LoadParts(FileStream stream, long dataStart, long firstLine, int threads, LoadSession session, Layout layout,
        Func<ResidentSink> newPartSink)
    {
        var handle = stream.SafeFileHandle;
        var length = stream.Length;
        var starts = new List<long> { dataStart };
        for (var i = 1; i < threads; i++)
        {
            var start = NextLineStart(handle, dataStart + ((length - dataStart) * i / threads), length);
            if (start > starts[^1] && start < length)
            {
                starts.Add(start);
            }
        }

        var parts = new Part[starts.Count];
        Parallel.For(0, parts.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            // The first part sizes its table for the whole file, so the other parts are appended to it without growing it.
            var end = i + 1 < starts.Count ? starts[i + 1] : length;
            parts[i] = ReadPart(handle, starts[i], i == 0 ? length - dataStart : end - starts[i], i + 1 < starts.Count ? end - starts[i] : long.MaxValue,
                session, layout, newPartSink);
        });

        session.CancellationToken.ThrowIfCancellationRequested();
        var lineOffset = firstLine;
        var next = dataStart;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var rest = starts[i] != next;
            if (rest)
            {
                // The assumed start was inside a quoted cell: read the rest of the file from the true record start.
                part = ReadPart(handle, next, length - next, long.MaxValue, session, layout, newPartSink);
            }

            LoadSession.ThrowIfPartFailed(part.Error, lineOffset);
            session.Append(part.Session!, lineOffset);
            if (rest)
            {
                break;
            }

            lineOffset += part.Lines;
            next = starts[i] + part.End;
        }
    }

    /// <summary>Reads the records of a file that start in [<paramref name="start"/>, <paramref name="start"/> +
    /// <paramref name="limit"/>) into a new part session; an exception is returned, not thrown.</summary>
    private static Part ReadPart(SafeFileHandle handle, long start, long length, long limit, LoadSession session, Layout layout,
        Func<ResidentSink> newPartSink)
    {
        try
        {
            var part = session.CreatePart(newPartSink());
            var reader = Utf8CsvReader.FromPart(new FilePartStream(handle, start), session.Separator, length);
            LoadRecords(reader, part, layout, limit);
            return new Part(part, reader.Position, reader.Line, null);
        }
        catch (Exception e)
        {
            return new Part(null, 0, 0, e);
        }
    }

    /// <summary>Returns the position after the first line feed at or after <paramref name="position"/> - 1, or
    /// <paramref name="length"/> when there is none.</summary>
    private static long NextLineStart(SafeFileHandle handle, long position, long length)
    {
        var block = new byte[1 << 16];
        for (var at = position - 1; at < length; at += block.Length)
        {
            var read = RandomAccess.Read(handle, block, at);
            var index = block.AsSpan(0, read).IndexOf((byte)'\n');
            if (index >= 0)
            {
                return at + index + 1;
            }

            if (read == 0)
            {
                break;
            }
        }

        return length;
    }

    /// <summary>The column layout of an input and its fast-path parser.</summary>
    private sealed record Layout(int[] Map, int ColumnCount, Utf8RowParser? Parser);

    /// <summary>A part read by one thread: its session, the bytes and lines it consumed, or the exception it ended with.</summary>
    private readonly record struct Part(LoadSession? Session, long End, long Lines, Exception? Error);

    private readonly ref struct RecordCells(Utf8CsvReader reader, int[] map) : ICells
    {
        private readonly Utf8CsvReader _reader = reader;
        private readonly int[] _map = map;

        public ReadOnlySpan<char> this[int field]
        {
            get
            {
                var column = _map[field];
                return column < 0 ? default : _reader.Cell(column);
            }
        }
    }

    /// <summary>Reads a file from a position on, with positional reads that other threads' reads of the same handle do not disturb.</summary>
    private sealed class FilePartStream(SafeFileHandle handle, long start) : Stream
    {
        private long _position = start;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = RandomAccess.Read(handle, buffer, _position);
            _position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
