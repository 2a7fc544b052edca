using System.Text;
using Kependudukan.Aggregation;
using Kependudukan.Data.Internals;
using static System.FormattableString;

namespace Kependudukan.Data;

/// <summary>Reads and writes residents as CSV in the resident file schema (see <see cref="ResidentColumns"/>).</summary>
/// <remarks>
/// <para>Reading: the first line is the header; columns are matched by name and extra columns are ignored. Fields may be
/// quoted (RFC 4180, quotes doubled inside), lines may end in LF or CRLF, a UTF-8 byte-order mark is skipped and completely
/// empty lines are skipped. A row with a different number of fields than the header (for example a truncated last line) is
/// rejected. Rows are parsed from the reader's buffer into the table without creating a <see cref="Resident"/> per row.</para>
/// <para>Writing: UTF-8 without byte-order mark, LF line ends, the columns of <see cref="ResidentColumns.All"/> in that order,
/// and the first spelling each column accepts (<c>L</c>, <c>WNI</c>, <c>belum kawin</c>, <c>hidup</c>, SIAK names such as
/// <c>CARD_ISSUED</c>, <c>1</c>/<c>0</c>); loading what was written gives back the same rows.</para>
/// </remarks>
public static class ResidentCsv
{
    /// <summary>Loads a CSV file into a new population table.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ResidentLoadOptions.Default"/>.</param>
    /// <param name="progress">Receives progress every 65,536 rows, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the load; nothing is returned then.</param>
    /// <returns>The table of accepted rows, in file order, and the load summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ResidentLoadException">The header is unusable, or a row is rejected under <see cref="LoadErrorPolicy.FailFast"/>.</exception>
    /// <exception cref="OperationCanceledException">The load was cancelled.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static LoadResult<PopulationTable> LoadTable(string path, ResidentLoadOptions? options = null, IProgress<LoadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sink = new TableSink();
        var summary = LoadFile(path, new LoadSession(options, sink, progress, cancellationToken));
        return new LoadResult<PopulationTable>(sink.Build(), summary);
    }

    /// <summary>Loads CSV text into a new population table.</summary>
    /// <param name="reader">The text; it is read to the end and not disposed.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ResidentLoadOptions.Default"/>.</param>
    /// <param name="progress">Receives progress every 65,536 rows, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the load; nothing is returned then.</param>
    /// <returns>The table of accepted rows, in input order, and the load summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="ResidentLoadException">The header is unusable, or a row is rejected under <see cref="LoadErrorPolicy.FailFast"/>.</exception>
    /// <exception cref="OperationCanceledException">The load was cancelled.</exception>
    public static LoadResult<PopulationTable> LoadTable(TextReader reader, ResidentLoadOptions? options = null, IProgress<LoadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sink = new TableSink();
        var session = new LoadSession(options, sink, progress, cancellationToken);
        var summary = Load(Utf8CsvReader.FromText(reader, session.Separator), session);
        return new LoadResult<PopulationTable>(sink.Build(), summary);
    }

    /// <summary>Loads a CSV file as a list of residents; meant for small files (every row becomes an object).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ResidentLoadOptions.Default"/>.</param>
    /// <param name="progress">Receives progress every 65,536 rows, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the load; nothing is returned then.</param>
    /// <returns>The accepted residents, in file order, and the load summary. A <see cref="Resident"/> needs a NIK: the
    /// <c>nik</c> column is required and a row without one is rejected.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ResidentLoadException">The header is unusable, or a row is rejected under <see cref="LoadErrorPolicy.FailFast"/>.</exception>
    /// <exception cref="OperationCanceledException">The load was cancelled.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static LoadResult<IReadOnlyList<Resident>> LoadResidents(string path, ResidentLoadOptions? options = null,
        IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sink = new ResidentListSink();
        var summary = LoadFile(path, new LoadSession(options, sink, progress, cancellationToken));
        return new LoadResult<IReadOnlyList<Resident>>(sink.Residents, summary);
    }

    /// <summary>Loads CSV text as a list of residents; meant for small inputs (every row becomes an object).</summary>
    /// <param name="reader">The text; it is read to the end and not disposed.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ResidentLoadOptions.Default"/>.</param>
    /// <param name="progress">Receives progress every 65,536 rows, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the load; nothing is returned then.</param>
    /// <returns>The accepted residents, in input order, and the load summary; the <c>nik</c> column is required.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="ResidentLoadException">The header is unusable, or a row is rejected under <see cref="LoadErrorPolicy.FailFast"/>.</exception>
    /// <exception cref="OperationCanceledException">The load was cancelled.</exception>
    public static LoadResult<IReadOnlyList<Resident>> LoadResidents(TextReader reader, ResidentLoadOptions? options = null,
        IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sink = new ResidentListSink();
        var session = new LoadSession(options, sink, progress, cancellationToken);
        var summary = Load(Utf8CsvReader.FromText(reader, session.Separator), session);
        return new LoadResult<IReadOnlyList<Resident>>(sink.Residents, summary);
    }

    /// <summary>Writes a population table to a CSV file, replacing it.</summary>
    /// <param name="table">The table.</param>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the write; the file is then incomplete.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A row has a value the schema cannot express (an enum set to <c>None</c>, a year outside 1-9999).</exception>
    /// <exception cref="OperationCanceledException">The write was cancelled.</exception>
    public static void Write(PopulationTable table, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(path);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        Write(table, writer, cancellationToken);
    }

    /// <summary>Writes a population table as CSV.</summary>
    /// <param name="table">The table.</param>
    /// <param name="writer">The destination; it is flushed, not disposed.</param>
    /// <param name="cancellationToken">Cancels the write; the output is then incomplete.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A row has a value the schema cannot express (an enum set to <c>None</c>, a year outside 1-9999).</exception>
    /// <exception cref="OperationCanceledException">The write was cancelled.</exception>
    public static void Write(PopulationTable table, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        WriteRows(Rows.Of(table), writer, cancellationToken);
    }

    /// <summary>Writes residents as CSV.</summary>
    /// <param name="residents">The residents.</param>
    /// <param name="writer">The destination; it is flushed, not disposed.</param>
    /// <param name="cancellationToken">Cancels the write; the output is then incomplete.</param>
    /// <exception cref="ArgumentNullException">An argument or a resident is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException">The write was cancelled.</exception>
    public static void Write(IEnumerable<Resident> residents, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(residents);
        ArgumentNullException.ThrowIfNull(writer);
        WriteRows(Rows.Of(residents), writer, cancellationToken);
    }

    /// <summary>Loads a file as UTF-8 bytes; a file that starts with a UTF-16 or UTF-32 byte-order mark is decoded as text first.</summary>
    private static LoadSummary LoadFile(string path, LoadSession session)
    {
        // The reader reads in large blocks, so the file stream needs no buffer of its own.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        Span<byte> start = stackalloc byte[4];
        var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        start = start[..read];
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || start.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return Load(Utf8CsvReader.FromText(text, session.Separator), session);
        }

        return Load(Utf8CsvReader.FromStream(stream, session.Separator), session);
    }

    private static void WriteRows(IEnumerable<ResidentRow> rows, TextWriter writer, CancellationToken cancellationToken)
    {
        writer.Write(string.Join(',', Field.Names));
        writer.Write('\n');
        Span<char> line = stackalloc char[CanonicalText.MaxLineLength];
        long count = 0;
        foreach (var row in rows)
        {
            if (++count % LoadSession.CancellationInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var length = CanonicalText.WriteCsvLine(in row, line);
            line[length] = '\n';
            writer.Write(line[..(length + 1)]);
        }

        cancellationToken.ThrowIfCancellationRequested();
        writer.Flush();
    }

    /// <summary>The rows after which a file load estimates the number of rows, to size the table once.</summary>
    private const int EstimateAfterRows = 16_384;

    private static LoadSummary Load(Utf8CsvReader reader, LoadSession session)
    {
        if (!reader.TryReadRecord(out var headerLine))
        {
            session.MapColumns([], headerLine);
            return session.Complete();
        }

        var columnCount = reader.CellCount;
        var names = new string[columnCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = reader.Cell(i).ToString();
        }

        var map = session.MapColumns(names, headerLine);
        var fast = new Utf8RowParser(map, columnCount, session.Separator, session.NeedsNik);
        var dataStart = reader.Position;
        var estimateAt = EstimateAfterRows;
        while (reader.EnsureData())
        {
            if (session.RowsRead == estimateAt && reader.Length > 0)
            {
                // The rows so far tell the average row length, and so about how many rows the file holds.
                var perRow = (double)(reader.Position - dataStart) / estimateAt;
                session.Reserve((long)((reader.Length - dataStart) / perRow * 1.02) + 1024);
            }

            var length = fast.TryParse(reader.Remaining, reader.IsFinal, out var row);
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

            var cells = new RecordCells(reader, map);
            session.AddRow(ref cells, recordLine);
        }

        return session.Complete();
    }

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
}
