using System.Data;
using Kependudukan.Aggregation;
using Kependudukan.Data.Internals;

namespace Kependudukan.Data;

/// <summary>Loads residents from any ADO.NET data reader (SQLite, DuckDB, PostgreSQL, SQL Server, MySQL, ...) in the
/// resident file schema (see <see cref="ResidentColumns"/>).</summary>
/// <remarks>
/// <para>Columns are matched by name (use <c>AS</c> in the query to rename: <c>SELECT no_kk_nik AS nik, ...</c>); extra columns
/// are ignored. A database <c>NULL</c> counts as an empty cell. Text columns follow the CSV rules; typed columns are taken as
/// their value: integers (a <c>BIGINT</c> NIK, a status code 1-8, a 0/1 flag), booleans, and dates (<c>DATE</c>, or a date-time
/// at midnight). Issues carry the 1-based row number of the result.</para>
/// <para>Only the first result set is read. The reader is read to its end (or until an exception) and not disposed.</para>
/// </remarks>
public static class ResidentDb
{
    /// <summary>Loads the rows of a data reader into a new population table.</summary>
    /// <param name="reader">The open reader, positioned before its first row.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ResidentLoadOptions.Default"/>.</param>
    /// <param name="progress">Receives progress every 65,536 rows, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the load; nothing is returned then.</param>
    /// <returns>The table of accepted rows, in reader order, and the load summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="ResidentLoadException">A required column is missing, or a row is rejected under <see cref="LoadErrorPolicy.FailFast"/>.</exception>
    /// <exception cref="OperationCanceledException">The load was cancelled.</exception>
    public static LoadResult<PopulationTable> LoadTable(IDataReader reader, ResidentLoadOptions? options = null, IProgress<LoadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sink = new TableSink();
        var summary = Load(reader, new LoadSession(options, sink, progress, cancellationToken));
        return new LoadResult<PopulationTable>(sink.Build(options), summary);
    }

    /// <summary>Loads the rows of a data reader as a list of residents; meant for small results.</summary>
    /// <param name="reader">The open reader, positioned before its first row.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ResidentLoadOptions.Default"/>.</param>
    /// <param name="progress">Receives progress every 65,536 rows, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the load; nothing is returned then.</param>
    /// <returns>The accepted residents, in reader order, and the load summary; the <c>nik</c> column is required.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="ResidentLoadException">A required column is missing, or a row is rejected under <see cref="LoadErrorPolicy.FailFast"/>.</exception>
    /// <exception cref="OperationCanceledException">The load was cancelled.</exception>
    public static LoadResult<IReadOnlyList<Resident>> LoadResidents(IDataReader reader, ResidentLoadOptions? options = null,
        IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sink = new ResidentListSink();
        var summary = Load(reader, new LoadSession(options, sink, progress, cancellationToken));
        return new LoadResult<IReadOnlyList<Resident>>(sink.Residents, summary);
    }

    private static LoadSummary Load(IDataReader reader, LoadSession session)
    {
        var names = new string[reader.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = reader.GetName(i);
        }

        var cells = new DbCells(reader, session.MapColumns(names, 0));
        long rowNumber = 0;
        while (reader.Read())
        {
            cells.Fill();
            session.AddRow(ref cells, ++rowNumber);
        }

        return session.Complete();
    }

    /// <summary>The cells of the current database row, converted to text once per row.</summary>
    private readonly struct DbCells : ICells
    {
        private readonly IDataReader _reader;
        private readonly int[] _map;
        private readonly char[][] _scratch;
        private readonly string?[] _strings;
        private readonly int[] _lengths;

        internal DbCells(IDataReader reader, int[] map)
        {
            _reader = reader;
            _map = map;
            _scratch = new char[Field.Count][];
            for (var i = 0; i < _scratch.Length; i++)
            {
                _scratch[i] = new char[CellText.ScratchLength];
            }

            _strings = new string?[Field.Count];
            _lengths = new int[Field.Count];
        }

        public ReadOnlySpan<char> this[int field] => _strings[field] is { } text ? text : _scratch[field].AsSpan(0, _lengths[field]);

        internal void Fill()
        {
            for (var field = 0; field < Field.Count; field++)
            {
                var column = _map[field];
                _strings[field] = null;
                _lengths[field] = 0;
                if (column < 0 || _reader.IsDBNull(column))
                {
                    continue;
                }

                var value = _reader.GetValue(column);
                if (value is string text)
                {
                    _strings[field] = text;
                    continue;
                }

                var scratch = _scratch[field];
                var span = CellText.Value(value, scratch);
                if (span.Length > scratch.Length)
                {
                    _strings[field] = span.ToString();
                    continue;
                }

                span.CopyTo(scratch); // a no-op when the value was formatted into the scratch
                _lengths[field] = span.Length;
            }
        }
    }
}
