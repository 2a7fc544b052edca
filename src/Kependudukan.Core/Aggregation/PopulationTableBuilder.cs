using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Kependudukan.Aggregation.Internals;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;
using static System.FormattableString;

namespace Kependudukan.Aggregation;

/// <summary>Builds a <see cref="PopulationTable"/> by appending residents one row at a time, straight into compact columns.</summary>
/// <remarks>
/// <para><see cref="Add(in ResidentRow)"/> takes one resident's values by reference and allocates nothing per row, so a loader
/// can stream tens of millions of rows; the builder holds about 12 bytes per resident (20 with NIKs).</para>
/// <para>Each row is validated when added: enums must be defined and not <c>None</c>, the domicile must be a village code,
/// dates must be ISO dates and birth, recording and life-status dates must lie within
/// [<see cref="PopulationTable.MinSupportedDate"/>, <see cref="PopulationTable.MaxSupportedDate"/>]. An invalid row throws
/// <see cref="ArgumentException"/> naming the field and the row number (NIK masked) and is not added.</para>
/// <para>For bulk work: <see cref="EnsureCapacity"/> sizes the columns once (and when the builder is filled exactly to its
/// capacity with rows already grouped by village in code order, <see cref="Build()"/> takes the columns without copying them);
/// <see cref="AddRange(ReadOnlySpan{ResidentRow})"/> adds a batch all-or-nothing; <see cref="AddRange(PopulationTableBuilder)"/>
/// appends another builder's rows with column copies, so several threads can each fill a builder of their own and one
/// thread concatenates them in order; <see cref="Clear"/> lets such a per-thread builder be reused.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: use one builder per thread.</threadsafety>
public sealed class PopulationTableBuilder
{
    private const int InitialCapacity = 1024;

    private readonly VillageIdMap _villageIds = new();
    private readonly List<RegionCode> _villages = [];
    private readonly List<int> _permitRows = [];
    private readonly List<LocalDate> _permitExpiries = [];
    private readonly List<int> _aliveDateRows = [];
    private readonly List<LocalDate> _aliveDates = [];
    private int[] _village = [];
    private short[] _birth = [];
    private ushort[] _flags = [];
    private short[] _recording = [];
    private short[] _leave = [];
    private long[]? _nik;
    private bool _hasNik;

    /// <summary>The working array of the last NIK search asked to leave it (one element per row with a NIK), which the next
    /// <see cref="Build(int)"/> fills as the table's NIK column when its length is the row count, instead of allocating one.</summary>
    private long[]? _spareNikColumn;

    /// <summary>Gets the array a NIK search left for the next build, if any (for tests).</summary>
    internal long[]? SpareNikColumn => _spareNikColumn;
    private bool _sharedWithTable;
    private long _lastVillageCode;
    private int _lastVillageId = -1;

    /// <summary>Initializes an empty builder.</summary>
    public PopulationTableBuilder()
    {
    }

    /// <summary>Initializes an empty builder with room for a number of rows, so a loader that knows its row count avoids
    /// growing (and briefly doubling) the columns.</summary>
    /// <param name="capacity">The rows to reserve room for, 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative or beyond the largest array.</exception>
    public PopulationTableBuilder(int capacity)
    {
        Utility.Preconditions.CheckArgumentRange(nameof(capacity), capacity, 0, Array.MaxLength);
        Resize(capacity);
    }

    /// <summary>Gets the number of rows appended so far.</summary>
    /// <value>The row count.</value>
    public int Count { get; private set; }

    /// <summary>Gets the number of rows the builder can hold before its columns grow.</summary>
    /// <value>The capacity, at least <see cref="Count"/>.</value>
    public int Capacity => _birth.Length;

    /// <summary>Makes room for at least <paramref name="capacity"/> rows in total, so appending up to that many does not grow
    /// (and briefly double) the columns.</summary>
    /// <param name="capacity">The total number of rows to make room for.</param>
    /// <returns>The new <see cref="Capacity"/>, at least <paramref name="capacity"/>.</returns>
    /// <remarks>As with <see cref="List{T}.EnsureCapacity"/>, growing at least doubles the capacity, so calling this before each
    /// batch stays linear; an empty builder of capacity 0 (or one built with <see cref="PopulationTableBuilder(int)"/>) gets
    /// exactly the capacity asked for, which is what lets <see cref="Build()"/> take full columns without a copy.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative or beyond the largest array.</exception>
    public int EnsureCapacity(int capacity)
    {
        Utility.Preconditions.CheckArgumentRange(nameof(capacity), capacity, 0, Array.MaxLength);
        if (capacity > _birth.Length)
        {
            Resize((int)Math.Min(Array.MaxLength, Math.Max(capacity, 2L * _birth.Length)));
        }

        return _birth.Length;
    }

    /// <summary>Appends one resident's column values.</summary>
    /// <param name="row">The values.</param>
    /// <exception cref="ArgumentException">A value is invalid; the message names the field and the row number.</exception>
    /// <exception cref="InvalidOperationException">The builder already holds the largest number of rows an array can.</exception>
    public void Add(in ResidentRow row)
    {
        if (!TryEncode(in row, out var days))
        {
            ThrowInvalidRow(in row, Count, nameof(row));
        }

        Append(in row, days);
    }

    /// <summary>Appends a resident.</summary>
    /// <param name="resident">The resident.</param>
    /// <exception cref="ArgumentNullException"><paramref name="resident"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A date is outside the supported range; the message names the field and the row number.</exception>
    /// <exception cref="InvalidOperationException">The builder already holds the largest number of rows an array can.</exception>
    public void Add(Resident resident)
    {
        ArgumentNullException.ThrowIfNull(resident);
        var row = ResidentRow.FromResident(resident);
        if (!TryEncode(in row, out var days))
        {
            ThrowInvalidRow(in row, Count, nameof(resident));
        }

        Append(in row, days);
    }

    /// <summary>Appends many residents' column values: all of them, or, when one is invalid, none.</summary>
    /// <param name="rows">The values, in order.</param>
    /// <exception cref="ArgumentException">A value is invalid; the message names the field and the row number (the builder's
    /// row number the row would have had). No row of <paramref name="rows"/> is added.</exception>
    /// <exception cref="InvalidOperationException">The rows would exceed the largest array.</exception>
    public void AddRange(ReadOnlySpan<ResidentRow> rows)
    {
        // Validate every row before touching the builder, so a refused batch leaves no trace.
        for (var i = 0; i < rows.Length; i++)
        {
            if (!TryEncode(in rows[i], out _))
            {
                ThrowInvalidRow(in rows[i], (long)Count + i, nameof(rows));
            }
        }

        Reserve(rows.Length);
        foreach (ref readonly var row in rows)
        {
            TryEncode(in row, out var days);
            Append(in row, days);
        }
    }

    /// <summary>Appends rows the library made itself and knows to be valid (the synthetic generator's), skipping validation.</summary>
    internal void AddTrusted(ReadOnlySpan<ResidentRow> rows)
    {
        Reserve(rows.Length);
        foreach (ref readonly var row in rows)
        {
            var valid = TryEncode(in row, out var days);
            Debug.Assert(valid, "A trusted row is valid.");
            Append(in row, days);
        }
    }

    /// <summary>Appends every row of another builder, in its order, without decoding or validating them again.</summary>
    /// <param name="source">The builder whose rows to append; it is not changed. It may be this builder (its rows are then
    /// appended once more).</param>
    /// <remarks>This is how a parallel loader or generator works: each thread fills its own builder and one thread appends
    /// them in order. The cost is a copy of the columns and one look-up per distinct village of <paramref name="source"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The rows would exceed the largest array.</exception>
    public void AddRange(PopulationTableBuilder source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var count = source.Count;
        if (count == 0)
        {
            return;
        }

        Reserve(count);
        var start = Count;
        var total = start + count;

        var villages = source._villages.Count;
        var remap = new int[villages];
        for (var id = 0; id < villages; id++)
        {
            remap[id] = VillageId(source._villages[id]);
        }

        var sourceVillage = source._village;
        var village = _village;
        for (var i = 0; i < count; i++)
        {
            village[start + i] = remap[sourceVillage[i]];
        }

        Array.Copy(source._birth, 0, _birth, start, count);
        Array.Copy(source._flags, 0, _flags, start, count);
        Array.Copy(source._recording, 0, _recording, start, count);
        Array.Copy(source._leave, 0, _leave, start, count);
        if (source._hasNik)
        {
            _nik ??= NewNikColumn(start);
            Array.Copy(source._nik!, 0, _nik, start, count);
            _hasNik = true;
        }
        else if (_nik is not null)
        {
            Array.Clear(_nik, start, count);
        }

        AppendSparse(source._permitRows, source._permitExpiries, _permitRows, _permitExpiries, start);
        AppendSparse(source._aliveDateRows, source._aliveDates, _aliveDateRows, _aliveDates, start);
        Count = total;
    }

    /// <summary>Removes rows by their index, keeping the order of the rest: a loader that finds, after its last row, that some
    /// rows must go (a NIK repeated from an earlier row, say) takes them out in one pass over the columns.</summary>
    /// <param name="rows">The indices of the rows to remove, ascending, distinct and each in [0, <see cref="Count"/>).</param>
    /// <remarks>The cost is one move of each column from the first removed row on and one pass over the village column (a
    /// village left with no row is dropped). A table built earlier keeps its rows: when it shares the builder's columns,
    /// they are copied first.</remarks>
    /// <exception cref="ArgumentException">An index is out of range, or not greater than the one before it; nothing is removed.</exception>
    public void RemoveRows(ReadOnlySpan<int> rows)
    {
        var previous = -1;
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] <= previous || rows[i] >= Count)
            {
                throw new ArgumentException(
                    Invariant($"Row indices should be ascending, distinct and in range [0-{Count - 1}]; index {i} is {rows[i]}{(i > 0 ? Invariant($", after {previous}") : string.Empty)}."),
                    nameof(rows));
            }

            previous = rows[i];
        }

        if (rows.IsEmpty)
        {
            return;
        }

        // Fewer rows than the NIK search saw: its working array no longer fits a NIK column.
        _spareNikColumn = null;
        if (_sharedWithTable)
        {
            // A table built earlier holds these arrays: compact copies of them instead.
            _village = (int[])_village.Clone();
            _birth = (short[])_birth.Clone();
            _flags = (ushort[])_flags.Clone();
            _recording = (short[])_recording.Clone();
            _leave = (short[])_leave.Clone();
            _nik = (long[]?)_nik?.Clone();
            _sharedWithTable = false;
        }

        var write = rows[0];
        for (var i = 0; i < rows.Length; i++)
        {
            var start = rows[i] + 1;
            var length = (i + 1 < rows.Length ? rows[i + 1] : Count) - start;
            if (length > 0)
            {
                Array.Copy(_village, start, _village, write, length);
                Array.Copy(_birth, start, _birth, write, length);
                Array.Copy(_flags, start, _flags, write, length);
                Array.Copy(_recording, start, _recording, write, length);
                Array.Copy(_leave, start, _leave, write, length);
                if (_nik is not null)
                {
                    Array.Copy(_nik, start, _nik, write, length);
                }

                write += length;
            }
        }

        Count = write;
        RemoveSparse(_permitRows, _permitExpiries, rows);
        RemoveSparse(_aliveDateRows, _aliveDates, rows);
        _hasNik = _hasNik && _nik.AsSpan(0, Count).ContainsAnyExcept(0L);
        DropEmptyVillages();
    }

    /// <summary>Returns one row's column values, as they were added.</summary>
    /// <param name="index">The position at which the row was added, 0 to <see cref="Count"/> − 1.</param>
    /// <returns>The row, equal to the one added (as <see cref="PopulationTable.GetRow"/> returns it after <see cref="Build()"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public ResidentRow GetRow(int index)
    {
        Utility.Preconditions.CheckArgumentRange(nameof(index), index, 0, Count - 1);
        var flags = _flags[index];
        return ResidentRow.FromColumns(_nik?[index] ?? 0, _villages[_village[index]], _birth[index], flags, _recording[index], _leave[index],
            PopulationTable.FindSparse(CollectionsMarshal.AsSpan(_permitRows), CollectionsMarshal.AsSpan(_permitExpiries), index),
            RowFlags.GetLifeStatus(flags) == LifeStatus.Alive
                ? PopulationTable.FindSparse(CollectionsMarshal.AsSpan(_aliveDateRows), CollectionsMarshal.AsSpan(_aliveDates), index)
                : null);
    }

    /// <summary>Returns the rows whose NIK an earlier row of the builder has, so a loader can report or remove repeated
    /// NIKs after its last row (see <see cref="RemoveRows"/>) without keeping a set of every NIK while it reads.</summary>
    /// <param name="maxDegreeOfParallelism">The largest number of threads to use, 1 or more; only builders of 1,048,576 rows or
    /// more use several.</param>
    /// <param name="cancellationToken">A token to cancel the search.</param>
    /// <returns>The indices of every row whose NIK equals the NIK of a row added before it, ascending; the first row with a NIK
    /// is never among them, nor is a row without a NIK. Empty when no NIK repeats.</returns>
    /// <remarks>The cost is two streaming passes over the NIK column, a hash set per bucket of about 16,000 NIKs that stays in
    /// the processor's cache (up to 64 million rows; larger buckets beyond), and, only when some NIK repeats, one more pass; it
    /// allocates 8 bytes per row with a NIK.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is less than 1.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public int[] FindRepeatedNiks(int maxDegreeOfParallelism = 1, CancellationToken cancellationToken = default) =>
        SearchRepeatedNiks(maxDegreeOfParallelism, cancellationToken, keepForBuild: false);

    /// <summary>Finds repeated NIKs as <see cref="FindRepeatedNiks"/> does and, when every row has a NIK, keeps the search's
    /// working array for the next <see cref="Build(int)"/>, which fills it as the table's NIK column instead of allocating one
    /// (8 bytes per row less to allocate and touch): for a loader that searches right before it builds.</summary>
    /// <param name="maxDegreeOfParallelism">The largest number of threads to use, 1 or more.</param>
    /// <param name="cancellationToken">A token to cancel the search.</param>
    /// <returns>The indices of the rows whose NIK an earlier row has, ascending, as <see cref="FindRepeatedNiks"/> returns them.</returns>
    internal int[] FindRepeatedNiksBeforeBuild(int maxDegreeOfParallelism, CancellationToken cancellationToken) =>
        SearchRepeatedNiks(maxDegreeOfParallelism, cancellationToken, keepForBuild: true);

    private int[] SearchRepeatedNiks(int maxDegreeOfParallelism, CancellationToken cancellationToken, bool keepForBuild)
    {
        Utility.Preconditions.CheckArgumentRange(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, 1, int.MaxValue);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_hasNik)
        {
            return [];
        }

        var repeats = RepeatedKeys.Find(_nik!, Count, maxDegreeOfParallelism, cancellationToken, out var workingArray);
        if (keepForBuild && workingArray.Length == Count)
        {
            _spareNikColumn = workingArray;
        }

        return repeats;
    }

    /// <summary>Removes every row, keeping the columns' capacity for reuse, unless a table built earlier took the columns
    /// (see <see cref="Build()"/>): then the capacity drops to 0.</summary>
    public void Clear()
    {
        if (_sharedWithTable)
        {
            _village = [];
            _birth = [];
            _flags = [];
            _recording = [];
            _leave = [];
            _nik = null;
            _sharedWithTable = false;
        }

        _hasNik = false;
        _spareNikColumn = null;

        _villageIds.Clear();
        _villages.Clear();
        _permitRows.Clear();
        _permitExpiries.Clear();
        _aliveDateRows.Clear();
        _aliveDates.Clear();
        _lastVillageCode = 0;
        _lastVillageId = -1;
        Count = 0;
    }

    /// <summary>Builds the table from the rows appended so far; the builder can keep appending afterwards.</summary>
    /// <returns>The table, with rows grouped by village in code order.</returns>
    public PopulationTable Build() => Build(1);

    /// <summary>Builds the table from the rows appended so far, on up to <paramref name="maxDegreeOfParallelism"/> threads; the
    /// builder can keep appending afterwards.</summary>
    /// <param name="maxDegreeOfParallelism">The largest number of threads to use, 1 or more; only builders of 1,048,576 rows or
    /// more use several.</param>
    /// <returns>The table, with rows grouped by village in code order; the same table whatever the number of threads.</returns>
    /// <remarks>Rows added in village code order need no grouping. Otherwise the threads count the rows of each village in
    /// contiguous ranges of rows, give every row its place, then place the columns, one column per thread at a time.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is less than 1.</exception>
    public PopulationTable Build(int maxDegreeOfParallelism)
    {
        Utility.Preconditions.CheckArgumentRange(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, 1, int.MaxValue);
        var count = Count;
        var villageCount = _villages.Count;

        // A NIK search's working array, if it has exactly one element per row: every row has a NIK, and none was removed since.
        var spareNik = _spareNikColumn?.Length == count ? _spareNikColumn : null;
        _spareNikColumn = null;

        // Rank villages by code; rows are placed village by village, keeping their order within a village.
        var byCode = new int[villageCount];
        for (var i = 0; i < villageCount; i++)
        {
            byCode[i] = i;
        }

        var codes = _villages.ToArray();
        Array.Sort(codes, byCode);
        var rankOfVillage = new int[villageCount];
        for (var rank = 0; rank < villageCount; rank++)
        {
            rankOfVillage[byCode[rank]] = rank;
        }

        // Rows per village in each chunk of rows, and whether the rows already come in village order.
        var chunks = RowChunks.Count(count, maxDegreeOfParallelism);
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        var chunkCounts = new int[chunks][];
        var chunkSorted = new bool[chunks];
        RowChunks.For(chunks, options, chunk =>
        {
            var counts = new int[villageCount];
            var sortedChunk = true;
            var previousRank = 0;
            var (start, end) = RowChunks.Range(count, chunks, chunk);
            foreach (var village in _village.AsSpan(start, end - start))
            {
                var rank = rankOfVillage[village];
                counts[rank]++;
                sortedChunk &= rank >= previousRank;
                previousRank = rank;
            }

            chunkCounts[chunk] = counts;
            chunkSorted[chunk] = sortedChunk;
        });

        var sorted = chunkSorted.All(sortedChunk => sortedChunk);
        for (var chunk = 1; chunk < chunks && sorted; chunk++)
        {
            var boundary = RowChunks.Range(count, chunks, chunk).Start;
            sorted = rankOfVillage[_village[boundary - 1]] <= rankOfVillage[_village[boundary]];
        }

        // Village starts, and where each chunk's rows of each village go: after the earlier chunks' rows of that village.
        var starts = new int[villageCount + 1];
        for (var rank = 0; rank < villageCount; rank++)
        {
            var offset = starts[rank];
            foreach (var counts in chunkCounts)
            {
                var rows = counts[rank];
                counts[rank] = offset;
                offset += rows;
            }

            starts[rank + 1] = offset;
        }

        if (sorted)
        {
            return new PopulationTable(
                Keep(_birth, count),
                Keep(_flags, count),
                Keep(_recording, count),
                Keep(_leave, count),
                codes,
                starts,
                _hasNik ? Keep(_nik!, count, spareNik) : null,
                null,
                [.. _permitRows],
                [.. _permitExpiries],
                [.. _aliveDateRows],
                [.. _aliveDates]);
        }

        var storageRow = ColumnMemory.AllocateUninitialized<int>(count);
        var birth = ColumnMemory.AllocateUninitialized<short>(count);
        var flags = ColumnMemory.AllocateUninitialized<ushort>(count);
        var recording = ColumnMemory.AllocateUninitialized<short>(count);
        var leave = ColumnMemory.AllocateUninitialized<short>(count);
        var nik = _hasNik ? spareNik ?? ColumnMemory.AllocateUninitialized<long>(count) : null;
        RowChunks.For(chunks, options, chunk =>
        {
            var next = chunkCounts[chunk];
            var (start, end) = RowChunks.Range(count, chunks, chunk);
            for (var row = start; row < end; row++)
            {
                storageRow[row] = next[rankOfVillage[_village[row]]]++;
            }
        });

        // Column by column (placing all at once writes to six times as many places at a time, and measured twice as slow);
        // a large table's columns are shared among the threads.
        RowChunks.For(nik is null ? 4 : 5, chunks > 1 ? options : null, column =>
        {
            switch (column)
            {
                case 0: Scatter(_birth, storageRow, birth); break;
                case 1: Scatter(_flags, storageRow, flags); break;
                case 2: Scatter(_recording, storageRow, recording); break;
                case 3: Scatter(_leave, storageRow, leave); break;
                default: Scatter(_nik!, storageRow, nik!); break;
            }
        });

        return new PopulationTable(
            birth,
            flags,
            recording,
            leave,
            codes,
            starts,
            nik,
            storageRow,
            PlaceSparse(_permitRows, _permitExpiries, storageRow, out var permitExpiries),
            permitExpiries,
            PlaceSparse(_aliveDateRows, _aliveDates, storageRow, out var aliveDates),
            aliveDates);
    }

    /// <summary>Returns a column already in storage order: the builder's own array when it is exactly full, else a copy (into
    /// <paramref name="target"/>, an array of <paramref name="count"/> elements, when one is given).</summary>
    private T[] Keep<T>(T[] column, int count, T[]? target = null)
        where T : unmanaged
    {
        if (column.Length == count)
        {
            // The table takes the column as it is: the builder only ever writes at or after Count, which needs a new, larger
            // array, and Clear drops shared columns.
            _sharedWithTable = true;
            return column;
        }

        if (target is null)
        {
            return ColumnMemory.Copy(column, count);
        }

        column.AsSpan(0, count).CopyTo(target);
        return target;
    }

    /// <summary>Copies each value of a column to its storage row.</summary>
    private static void Scatter<T>(T[] source, int[] storageRow, T[] target)
    {
        for (var row = 0; row < storageRow.Length; row++)
        {
            target[storageRow[row]] = source[row];
        }
    }

    /// <summary>Takes the removed rows out of a sparse column and moves the later row numbers down.</summary>
    private static void RemoveSparse(List<int> sparseRows, List<LocalDate> values, ReadOnlySpan<int> removed)
    {
        var kept = 0;
        var passed = 0;
        for (var i = 0; i < sparseRows.Count; i++)
        {
            var row = sparseRows[i];
            while (passed < removed.Length && removed[passed] < row)
            {
                passed++;
            }

            if (passed < removed.Length && removed[passed] == row)
            {
                continue;
            }

            sparseRows[kept] = row - passed;
            values[kept] = values[i];
            kept++;
        }

        sparseRows.RemoveRange(kept, sparseRows.Count - kept);
        values.RemoveRange(kept, values.Count - kept);
    }

    /// <summary>Renumbers the villages when some have no row left, so a built table lists only villages with residents.</summary>
    private void DropEmptyVillages()
    {
        var rowsPerVillage = new int[_villages.Count];
        foreach (var village in _village.AsSpan(0, Count))
        {
            rowsPerVillage[village]++;
        }

        if (!rowsPerVillage.AsSpan().Contains(0))
        {
            return;
        }

        var newId = rowsPerVillage;
        var kept = new List<RegionCode>();
        _villageIds.Clear();
        for (var id = 0; id < newId.Length; id++)
        {
            if (newId[id] == 0)
            {
                newId[id] = -1;
                continue;
            }

            newId[id] = kept.Count;
            _villageIds.GetOrAdd(_villages[id].PaddedValue, kept.Count, out _);
            kept.Add(_villages[id]);
        }

        foreach (ref var village in _village.AsSpan(0, Count))
        {
            village = newId[village];
        }

        _villages.Clear();
        _villages.AddRange(kept);
        _lastVillageCode = 0;
        _lastVillageId = -1;
    }

    private static void AppendSparse(List<int> sourceRows, List<LocalDate> sourceDates, List<int> rows, List<LocalDate> dates, int offset)
    {
        // Read the counts first: the source may be this builder.
        var count = sourceRows.Count;
        for (var i = 0; i < count; i++)
        {
            rows.Add(sourceRows[i] + offset);
            dates.Add(sourceDates[i]);
        }
    }

    private static int[] PlaceSparse(List<int> rows, List<LocalDate> dates, int[] storageRow, out LocalDate[] placedDates)
    {
        var placedRows = rows.ToArray();
        placedDates = dates.ToArray();
        for (var i = 0; i < placedRows.Length; i++)
        {
            placedRows[i] = storageRow[placedRows[i]];
        }

        Array.Sort(placedRows, placedDates);
        return placedRows;
    }

    internal static string? Validate(in ResidentRow row)
    {
        if (row.Domicile.Level != RegionLevel.Village)
        {
            return Invariant($"Domicile should be a village code (PP.KK.CC.DDDD); got level {row.Domicile.Level}.");
        }

        return CheckEnum((int)row.Sex, (int)Sex.Male, (int)Sex.Female, nameof(ResidentRow.Sex))
            ?? CheckEnum((int)row.Citizenship, (int)Citizenship.Wni, (int)Citizenship.ForeignerWithItas, nameof(ResidentRow.Citizenship))
            ?? CheckEnum((int)row.MaritalStatus, (int)MaritalStatus.NeverMarried, (int)MaritalStatus.Widowed, nameof(ResidentRow.MaritalStatus))
            ?? CheckEnum((int)row.LifeStatus, (int)LifeStatus.Alive, (int)LifeStatus.MovedAbroad, nameof(ResidentRow.LifeStatus))
            ?? CheckEnum((int)row.RecordingStatus, (int)KtpElStatus.Unregistered, (int)KtpElStatus.DuplicateRecord, nameof(ResidentRow.RecordingStatus))
            ?? CheckDate(row.BirthDate, nameof(ResidentRow.BirthDate))
            ?? CheckDate(row.RecordingDate, nameof(ResidentRow.RecordingDate))
            ?? CheckDate(row.LifeStatusDate, nameof(ResidentRow.LifeStatusDate))
            ?? (row.PermitExpiry is { } expiry && expiry.Calendar != CalendarSystem.Iso
                ? Invariant($"{nameof(ResidentRow.PermitExpiry)} should be an ISO date; got calendar {expiry.Calendar.Id}.")
                : null);
    }

    private static string? CheckEnum(int value, int min, int max, string field) =>
        value >= min && value <= max ? null : Invariant($"{field} should be a defined value in range [{min}-{max}] (not None); got {value}.");

    private static string? CheckDate(LocalDate? date, string field) =>
        date is not { } value || DayNumber.IsStorable(value)
            ? null
            : Invariant($"{field} should be an ISO date in range [{DayNumber.MinDate:uuuu-MM-dd}-{DayNumber.MaxDate:uuuu-MM-dd}]; got {value:uuuu-MM-dd} ({value.Calendar.Id}).");

    /// <summary>Checks a row as <see cref="Validate"/> does, without formatting anything, and encodes its dates on the way.</summary>
    /// <returns>Whether the row is valid; exactly when <see cref="Validate"/> returns <see langword="null"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryEncode(in ResidentRow row, out EncodedDays days)
    {
        // Every enum range in one unsigned compare each, combined without branches.
        var enums = unchecked(((uint)row.Sex - (uint)Sex.Male <= (uint)(Sex.Female - Sex.Male))
            & ((uint)row.Citizenship - (uint)Citizenship.Wni <= (uint)(Citizenship.ForeignerWithItas - Citizenship.Wni))
            & ((uint)row.MaritalStatus - (uint)MaritalStatus.NeverMarried <= (uint)(MaritalStatus.Widowed - MaritalStatus.NeverMarried))
            & ((uint)row.LifeStatus - (uint)LifeStatus.Alive <= (uint)(LifeStatus.MovedAbroad - LifeStatus.Alive))
            & ((uint)row.RecordingStatus - (uint)KtpElStatus.Unregistered <= (uint)(KtpElStatus.DuplicateRecord - KtpElStatus.Unregistered)));

        // A valid region code is a village exactly when its last four digits are not all zero.
        var valid = enums & (row.Domicile.PaddedValue % 10_000 != 0) & DayNumber.TryFromDate(row.BirthDate, out var birth);
        var recording = DayNumber.Always;
        if (row.RecordingDate is { } recorded)
        {
            valid &= DayNumber.TryFromDate(recorded, out recording);
        }

        var leave = DayNumber.Never;
        if (row.LifeStatusDate is { } lifeDate)
        {
            valid &= DayNumber.TryFromDate(lifeDate, out var lifeDay);
            if (row.LifeStatus != LifeStatus.Alive)
            {
                leave = lifeDay;
            }
        }
        else if (row.LifeStatus != LifeStatus.Alive)
        {
            leave = DayNumber.Always;
        }

        if (row.PermitExpiry is { } expiry)
        {
            valid &= expiry.Calendar == CalendarSystem.Iso;
        }

        days = new EncodedDays(birth, recording, leave);
        return valid;
    }

    [DoesNotReturn]
    private static void ThrowInvalidRow(in ResidentRow row, long index, string parameter)
    {
        var error = Validate(row);
        Debug.Assert(error is not null, "TryEncode and Validate agree.");
        throw new ArgumentException(
            Invariant($"Row {index} (NIK {(row.Nik == default ? "none" : row.Nik.ToMaskedString())}): {error}"), parameter);
    }

    private void Append(in ResidentRow row, EncodedDays days) =>
        AddEncoded(new EncodedRow
        {
            Nik = row.Nik.Value,
            Domicile = row.Domicile,
            Birth = days.Birth,
            Recording = days.Recording,
            Leave = days.Leave,
            Flags = RowFlags.Pack(row),
            PermitExpiry = row.PermitExpiry,
            AliveDate = row.LifeStatus == LifeStatus.Alive ? row.LifeStatusDate : null,
        });

    /// <summary>Appends a row already in column form, which the caller has checked as <see cref="Add(in ResidentRow)"/>
    /// would (see <see cref="EncodedRow"/>): the way the Kependudukan.Data loaders add rows they parse straight into columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddEncoded(in EncodedRow row)
    {
        Debug.Assert(row.Domicile.Level == RegionLevel.Village, "The loader checked the domicile.");
        var index = Count;
        if (index == _birth.Length)
        {
            Reserve(1);
        }

        _village[index] = VillageId(row.Domicile);
        _birth[index] = row.Birth;
        _flags[index] = row.Flags;
        _recording[index] = row.Recording;
        _leave[index] = row.Leave;
        if (row.AliveDate is { } aliveDate)
        {
            _aliveDateRows.Add(index);
            _aliveDates.Add(aliveDate);
        }

        if (row.PermitExpiry is { } expiry)
        {
            _permitRows.Add(index);
            _permitExpiries.Add(expiry);
        }

        if (row.Nik != 0)
        {
            _nik ??= NewNikColumn(index);
            _hasNik = true;
        }

        if (_nik is not null)
        {
            // Written for every row once the column exists: a cleared builder reuses it.
            _nik[index] = row.Nik;
        }

        Count = index + 1;
    }

    /// <summary>Creates the NIK column when the first NIK arrives: 0 (no NIK) for the <paramref name="rows"/> rows before it, the
    /// rest written as rows are added.</summary>
    private long[] NewNikColumn(int rows)
    {
        var nik = ColumnMemory.AllocateUninitialized<long>(_birth.Length);
        nik.AsSpan(0, rows).Clear();
        return nik;
    }

    private int VillageId(RegionCode village)
    {
        var code = village.PaddedValue;
        if (code == _lastVillageCode)
        {
            return _lastVillageId;
        }

        var id = _villageIds.GetOrAdd(code, _villages.Count, out var added);
        if (added)
        {
            _villages.Add(village);
        }

        _lastVillageCode = code;
        _lastVillageId = id;
        return id;
    }

    /// <summary>Makes room for <paramref name="rows"/> more rows, at least doubling the capacity (and to no fewer than
    /// 1,024 rows) when it grows.</summary>
    private void Reserve(int rows)
    {
        var needed = (long)Count + rows;
        if (needed > Capacity)
        {
            if (needed > Array.MaxLength)
            {
                throw new InvalidOperationException(Invariant($"A population table holds at most {Array.MaxLength} rows; the builder has {Count} and {rows} more were added."));
            }

            Resize((int)Math.Min(Array.MaxLength, Math.Max(Math.Max(needed, InitialCapacity), 2L * Capacity)));
        }
    }

    private void Resize(int capacity)
    {
        // The table built earlier keeps the arrays it took; from here on the builder writes to new ones.
        _sharedWithTable = false;
        Resize(ref _village, capacity);
        Resize(ref _birth, capacity);
        Resize(ref _flags, capacity);
        Resize(ref _recording, capacity);
        Resize(ref _leave, capacity);
        if (_nik is not null)
        {
            Resize(ref _nik, capacity);
        }
    }

    /// <summary>Moves a column's rows to a new array of <paramref name="capacity"/> rows that is not cleared first: every
    /// column is written at a row before it is read there, so clearing tens of megabytes would be wasted.</summary>
    private void Resize<T>(ref T[] column, int capacity)
        where T : unmanaged
    {
        var resized = ColumnMemory.AllocateUninitialized<T>(capacity);
        column.AsSpan(0, Math.Min(Count, capacity)).CopyTo(resized);
        column = resized;
    }

    /// <summary>A row's dates as the day numbers of its columns.</summary>
    private readonly record struct EncodedDays(short Birth, short Recording, short Leave);
}
