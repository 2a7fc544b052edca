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
/// rejected. Rows are parsed from UTF-8 bytes into the table without creating a <see cref="Resident"/> per row, and a large
/// file is read in parts on several threads (see <see cref="ResidentLoadOptions.MaxDegreeOfParallelism"/>).</para>
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
        var summary = CsvLoad.LoadFile(path, new LoadSession(options, sink, progress, cancellationToken), static () => new TableSink());
        return new LoadResult<PopulationTable>(sink.Build(options), summary);
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
        var summary = CsvLoad.Load(Utf8CsvReader.FromText(reader, session.Separator), session);
        return new LoadResult<PopulationTable>(sink.Build(options), summary);
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
        var summary = CsvLoad.LoadFile(path, new LoadSession(options, sink, progress, cancellationToken), null);
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
        var summary = CsvLoad.Load(Utf8CsvReader.FromText(reader, session.Separator), session);
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
}
