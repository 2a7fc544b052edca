using Kependudukan.Aggregation;
using Kependudukan.Data.Internals;
using Parquet;

namespace Kependudukan.Data;

/// <summary>Reads and writes residents as Apache Parquet in the resident file schema (see <see cref="ResidentColumns"/>).</summary>
/// <remarks>
/// <para>Writing: one row group per 1,048,576 rows, Snappy compression, columns in the order of <see cref="ResidentColumns.All"/>:
/// <c>nik</c> INT64 (null when unknown), dates as DATE, flags as BOOLEAN, every other column as a UTF-8 string with the values
/// the CSV writer uses. Loading what was written gives back the same rows.</para>
/// <para>Reading: columns are matched by name and extra columns are ignored. A column may be a string (read with the CSV
/// rules), INT32 or INT64 (a NIK, a ten-digit padded domicile, a status code 1-8, a 0/1 flag), BOOLEAN, DATE or a timestamp at
/// midnight; a null counts as an empty cell. Issues carry the 1-based row number in the file. A file loaded by path into a
/// table reads its row groups on up to <see cref="ResidentLoadOptions.MaxDegreeOfParallelism"/> threads, each through a reader
/// of its own, and appends them in file order, with the same result as one thread.</para>
/// </remarks>
public static class ResidentParquet
{
    private const int RowGroupSize = 1 << 20;

    private static readonly ParquetOptions s_options = new() { UseDateOnlyTypeForDates = true };

    /// <summary>Loads a Parquet file into a new population table.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ResidentLoadOptions.Default"/>.</param>
    /// <param name="progress">Receives progress every 65,536 rows, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the load; nothing is returned then.</param>
    /// <returns>The table of accepted rows, in file order, and the load summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ResidentLoadException">A required column is missing or has an unreadable type, or a row is rejected under
    /// <see cref="LoadErrorPolicy.FailFast"/>.</exception>
    /// <exception cref="OperationCanceledException">The load was cancelled.</exception>
    /// <exception cref="IOException">The file cannot be read or is not a Parquet file.</exception>
    public static async Task<LoadResult<PopulationTable>> LoadTableAsync(string path, ResidentLoadOptions? options = null,
        IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var sink = new TableSink();
            var session = new LoadSession(options, sink, progress, cancellationToken);
            var summary = await LoadAsync(stream, session, path).ConfigureAwait(false);
            return new LoadResult<PopulationTable>(sink.Build(options), summary);
        }
    }

    /// <summary>Loads Parquet data from a stream into a new population table.</summary>
    /// <param name="stream">A readable, seekable stream; it is not disposed.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ResidentLoadOptions.Default"/>.</param>
    /// <param name="progress">Receives progress every 65,536 rows, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the load; nothing is returned then.</param>
    /// <returns>The table of accepted rows, in file order, and the load summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ResidentLoadException">A required column is missing or has an unreadable type, or a row is rejected under
    /// <see cref="LoadErrorPolicy.FailFast"/>.</exception>
    /// <exception cref="OperationCanceledException">The load was cancelled.</exception>
    /// <exception cref="IOException">The data is not a Parquet file.</exception>
    public static async Task<LoadResult<PopulationTable>> LoadTableAsync(Stream stream, ResidentLoadOptions? options = null,
        IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var sink = new TableSink();
        var summary = await LoadAsync(stream, new LoadSession(options, sink, progress, cancellationToken), null).ConfigureAwait(false);
        return new LoadResult<PopulationTable>(sink.Build(options), summary);
    }

    /// <summary>Loads a Parquet file as a list of residents; meant for small files.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ResidentLoadOptions.Default"/>.</param>
    /// <param name="progress">Receives progress every 65,536 rows, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the load; nothing is returned then.</param>
    /// <returns>The accepted residents, in file order, and the load summary; the <c>nik</c> column is required.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ResidentLoadException">A required column is missing or has an unreadable type, or a row is rejected under
    /// <see cref="LoadErrorPolicy.FailFast"/>.</exception>
    /// <exception cref="OperationCanceledException">The load was cancelled.</exception>
    /// <exception cref="IOException">The file cannot be read or is not a Parquet file.</exception>
    public static async Task<LoadResult<IReadOnlyList<Resident>>> LoadResidentsAsync(string path, ResidentLoadOptions? options = null,
        IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return await LoadResidentsAsync(stream, options, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Loads Parquet data from a stream as a list of residents; meant for small files.</summary>
    /// <param name="stream">A readable, seekable stream; it is not disposed.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ResidentLoadOptions.Default"/>.</param>
    /// <param name="progress">Receives progress every 65,536 rows, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the load; nothing is returned then.</param>
    /// <returns>The accepted residents, in file order, and the load summary; the <c>nik</c> column is required.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ResidentLoadException">A required column is missing or has an unreadable type, or a row is rejected under
    /// <see cref="LoadErrorPolicy.FailFast"/>.</exception>
    /// <exception cref="OperationCanceledException">The load was cancelled.</exception>
    /// <exception cref="IOException">The data is not a Parquet file.</exception>
    public static async Task<LoadResult<IReadOnlyList<Resident>>> LoadResidentsAsync(Stream stream, ResidentLoadOptions? options = null,
        IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var sink = new ResidentListSink();
        var summary = await LoadAsync(stream, new LoadSession(options, sink, progress, cancellationToken), null).ConfigureAwait(false);
        return new LoadResult<IReadOnlyList<Resident>>(sink.Residents, summary);
    }

    /// <summary>Writes a population table to a Parquet file, replacing it.</summary>
    /// <param name="table">The table.</param>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the write; the file is then incomplete.</param>
    /// <returns>A task that completes when the file is written.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A row has a value the schema cannot express (an enum set to <c>None</c>, a year outside 1-9999).</exception>
    /// <exception cref="OperationCanceledException">The write was cancelled.</exception>
    public static async Task WriteAsync(PopulationTable table, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            await WriteAsync(table, stream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes a population table as Parquet to a stream.</summary>
    /// <param name="table">The table.</param>
    /// <param name="stream">A writable, seekable stream; it is not disposed.</param>
    /// <param name="cancellationToken">Cancels the write; the output is then incomplete.</param>
    /// <returns>A task that completes when the data is written.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A row has a value the schema cannot express (an enum set to <c>None</c>, a year outside 1-9999).</exception>
    /// <exception cref="OperationCanceledException">The write was cancelled.</exception>
    public static Task WriteAsync(PopulationTable table, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);
        return WriteRowsAsync(Rows.Of(table), stream, RowGroupSize, cancellationToken);
    }

    /// <summary>Writes residents as Parquet to a stream.</summary>
    /// <param name="residents">The residents.</param>
    /// <param name="stream">A writable, seekable stream; it is not disposed.</param>
    /// <param name="cancellationToken">Cancels the write; the output is then incomplete.</param>
    /// <returns>A task that completes when the data is written.</returns>
    /// <exception cref="ArgumentNullException">An argument or a resident is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException">The write was cancelled.</exception>
    public static Task WriteAsync(IEnumerable<Resident> residents, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(residents);
        ArgumentNullException.ThrowIfNull(stream);
        return WriteRowsAsync(Rows.Of(residents), stream, RowGroupSize, cancellationToken);
    }

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);

    internal static async Task WriteRowsAsync(IEnumerable<ResidentRow> rows, Stream stream, int rowGroupSize, CancellationToken cancellationToken)
    {
        var fields = ParquetRowGroupBuffer.CreateFields();
        var writer = await ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(fields), stream, s_options, false, cancellationToken)
            .ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            ParquetRowGroupBuffer? buffer = null;
            foreach (var row in rows)
            {
                buffer ??= new ParquetRowGroupBuffer(rowGroupSize, fields);
                buffer.Add(in row);
                if (buffer.IsFull)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await buffer.FlushAsync(writer, cancellationToken).ConfigureAwait(false);
                }
            }

            if (buffer is { Count: > 0 })
            {
                await buffer.FlushAsync(writer, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Loads every row group of the data; with the file's <paramref name="path"/> (a table load), several row groups
    /// at a time, each on a reader of its own into a part of the load, appended in file order.</summary>
    private static async Task<LoadSummary> LoadAsync(Stream stream, LoadSession session, string? path)
    {
        var cancellationToken = session.CancellationToken;
        var reader = await ParquetReader.CreateAsync(stream, s_options, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var fields = reader.Schema.DataFields;
            var map = session.MapColumns([.. fields.Select(f => f.Name)], 0);
            var groups = reader.RowGroupCount;
            var firstRows = new long[groups + 1];
            for (var group = 0; group < groups; group++)
            {
                firstRows[group + 1] = firstRows[group] + reader.RowGroups[group].RowCount;
            }

            // Column types are checked before anything is read or reserved.
            var columns = CreateColumns(fields, map);
            var threads = Math.Min(session.MaxDegreeOfParallelism, groups);
            if (path is null || threads < 2)
            {
                for (var group = 0; group < groups; group++)
                {
                    // Room for the rows read so far, group by group: never more than the groups about to be read hold.
                    cancellationToken.ThrowIfCancellationRequested();
                    session.Reserve(firstRows[group + 1]);
                    await ReadGroupAsync(reader, group, columns, session, firstRows[group]).ConfigureAwait(false);
                }
            }
            else
            {
                await LoadGroupsInPartsAsync(path, map, threads, firstRows, session).ConfigureAwait(false);
            }
        }

        return session.Complete();
    }

    /// <summary>Reads the row groups of a file on several threads, each into a part session of its own, and appends the parts in
    /// file order; the first part that failed, in file order, throws as the one-thread load would have.</summary>
    /// <remarks>Once a group has failed, no later group is started (earlier ones still finish, since one of them may fail
    /// first). A worker that cannot open its reader leaves its groups to the others; a group no worker read throws that
    /// error in its place.</remarks>
    private static async Task LoadGroupsInPartsAsync(string path, int[] map, int threads, long[] firstRows, LoadSession session)
    {
        var cancellationToken = session.CancellationToken;
        var groups = firstRows.Length - 1;
        var parts = new (LoadSession? Session, Exception? Error)[groups];
        var next = -1;
        var firstFailed = groups;
        Exception? openError = null;
        var workers = Enumerable.Range(0, threads).Select(_ => Task.Run(
            async () =>
            {
                // Each worker reads whole row groups through a reader and a stream of its own: Parquet.Net readers are not
                // thread-safe.
                ParquetColumn?[] columns;
                Stream? stream = null;
                ParquetReader? reader = null;
                try
                {
                    stream = OpenRead(path);
                    reader = await ParquetReader.CreateAsync(stream, s_options, leaveStreamOpen: false, cancellationToken).ConfigureAwait(false);
                    columns = CreateColumns(reader.Schema.DataFields, map);
                }
                catch (Exception e)
                {
                    // The reader owns the stream once created.
                    if (reader is not null)
                    {
                        await reader.DisposeAsync().ConfigureAwait(false);
                    }
                    else if (stream is not null)
                    {
                        await stream.DisposeAsync().ConfigureAwait(false);
                    }

                    if (e is OperationCanceledException)
                    {
                        throw;
                    }

                    Interlocked.CompareExchange(ref openError, e, null);
                    return;
                }

                await using (reader.ConfigureAwait(false))
                {
                    for (var group = Interlocked.Increment(ref next); group < Volatile.Read(ref firstFailed); group = Interlocked.Increment(ref next))
                    {
                        try
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            var part = session.CreatePart(new TableSink());
                            part.Reserve(firstRows[group + 1] - firstRows[group]);
                            await ReadGroupAsync(reader, group, columns, part, 0).ConfigureAwait(false);
                            parts[group] = (part, null);
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            parts[group] = (null, e);
                            for (var failed = Volatile.Read(ref firstFailed); group < failed;
                                failed = Volatile.Read(ref firstFailed))
                            {
                                if (Interlocked.CompareExchange(ref firstFailed, group, failed) == failed)
                                {
                                    break;
                                }
                            }
                        }
                    }
                }
            },
            cancellationToken));
        await Task.WhenAll(workers).ConfigureAwait(false);

        cancellationToken.ThrowIfCancellationRequested();
        for (var group = 0; group < groups; group++)
        {
            // A part that failed, or that no worker read because none could open the file.
            var (part, error) = parts[group];
            LoadSession.ThrowIfPartFailed(part is null ? error ?? openError : error, firstRows[group]);
        }

        // Every part was read: the table is sized once, and each part is let go once appended.
        session.Reserve(firstRows[groups]);
        for (var group = 0; group < groups; group++)
        {
            session.Append(parts[group].Session!, firstRows[group]);
            parts[group] = default;
        }
    }

    private static ParquetColumn?[] CreateColumns(IReadOnlyList<Parquet.Schema.DataField> fields, int[] map)
    {
        var columns = new ParquetColumn?[Internals.Field.Count];
        for (var field = 0; field < columns.Length; field++)
        {
            columns[field] = map[field] < 0 ? null : ParquetColumn.Create(fields[map[field]]);
        }

        return columns;
    }

    /// <summary>Reads one row group's columns and adds its rows, numbered from <paramref name="rowsBefore"/> + 1.</summary>
    private static async Task ReadGroupAsync(ParquetReader reader, int group, ParquetColumn?[] columns, LoadSession session, long rowsBefore)
    {
        var rowGroup = reader.OpenRowGroupReader(group);
        var rowCount = checked((int)rowGroup.RowCount);
        foreach (var column in columns)
        {
            if (column is not null)
            {
                await column.ReadAsync(rowGroup, rowCount, session.CancellationToken).ConfigureAwait(false);
            }
        }

        AddRows(session, columns, rowCount, rowsBefore);
    }

    private static void AddRows(LoadSession session, ParquetColumn?[] columns, int rowCount, long firstRowNumber)
    {
        var cells = new ParquetCells(columns);
        for (var row = 0; row < rowCount; row++)
        {
            cells.Row = row;
            session.AddRow(ref cells, firstRowNumber + row + 1);
        }
    }

    private struct ParquetCells(ParquetColumn?[] columns) : ICells
    {
        internal int Row;

        public readonly ReadOnlySpan<char> this[int field] => columns[field] is { } column ? column.Get(Row) : default;
    }
}
