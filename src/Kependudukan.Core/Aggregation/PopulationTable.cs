using Kependudukan.Aggregation.Internals;
using Kependudukan.Identity;
using Kependudukan.Regions;
using Kependudukan.Utility;
using NodaTime;

namespace Kependudukan.Aggregation;

/// <summary>An immutable population stored column-wise for fast aggregation: 8 bytes per resident in the working set.</summary>
/// <remarks>
/// <para>Rows are stored grouped by domicile village (villages in code order, residents of a village in the order they were
/// added), so the region of a row is implicit: every region at every level is one contiguous range of rows. The working
/// set that coverage counts read is four 16-bit columns: birth day, flags (sex, citizenship, marital and life status, KTP-el
/// status, birth certificate, KIA), recording day and the day of death or moving abroad. Dates are day numbers from
/// 1900-01-01, so the supported range is <see cref="MinSupportedDate"/> to <see cref="MaxSupportedDate"/>.</para>
/// <para>Outside the working set the table keeps what a lossless round trip needs: the NIK (8 bytes per resident, only
/// when at least one row has one), the insertion order (4 bytes per resident, only when rows were not added grouped by
/// village in code order), and the rare values stored sparsely (permit expiry dates, a date on a living resident).
/// <see cref="GetRow"/> returns exactly the row that was added at that position.</para>
/// </remarks>
/// <threadsafety>Instances are immutable and safe to share between threads.</threadsafety>
public sealed class PopulationTable
{
    private readonly long[]? _nik;
    private readonly int[]? _storageRowOfInsertion;
    private readonly int[] _aliveDateRows;
    private readonly LocalDate[] _aliveDates;
    private readonly RegionRanges?[] _ranges = new RegionRanges?[(int)RegionLevel.Village + 1];

    internal PopulationTable(
        short[] birth,
        ushort[] flags,
        short[] recording,
        short[] leave,
        RegionCode[] villages,
        int[] villageStarts,
        long[]? nik,
        int[]? storageRowOfInsertion,
        int[] permitRows,
        LocalDate[] permitExpiries,
        int[] aliveDateRows,
        LocalDate[] aliveDates)
    {
        Birth = birth;
        Flags = flags;
        Recording = recording;
        Leave = leave;
        Villages = villages;
        VillageStarts = villageStarts;
        _nik = nik;
        _storageRowOfInsertion = storageRowOfInsertion;
        PermitRows = permitRows;
        PermitExpiries = permitExpiries;
        _aliveDateRows = aliveDateRows;
        _aliveDates = aliveDates;
        _ranges[(int)RegionLevel.Village] = new RegionRanges(villages, villageStarts);
    }

    /// <summary>Gets the first date a table can store.</summary>
    /// <value>1900-01-01.</value>
    public static LocalDate MinSupportedDate => DayNumber.MinDate;

    /// <summary>Gets the last date a table can store.</summary>
    /// <value>2079-06-04.</value>
    public static LocalDate MaxSupportedDate => DayNumber.MaxDate;

    /// <summary>Gets the number of residents.</summary>
    /// <value>The row count.</value>
    public int Count => Birth.Length;

    /// <summary>Gets the number of distinct domicile villages.</summary>
    /// <value>The village count.</value>
    public int VillageCount => Villages.Length;

    /// <summary>Gets the bytes the coverage engine reads: the four 16-bit columns and the village run table.</summary>
    /// <value>The working-set size in bytes.</value>
    public long WorkingSetBytes => (8L * Count) + (12L * Villages.Length) + 4;

    /// <summary>Gets the bytes of all storage, including the NIK column, the insertion order and the sparse values.</summary>
    /// <value>The total size in bytes.</value>
    public long TotalBytes => WorkingSetBytes
        + (8L * (_nik?.Length ?? 0))
        + (4L * (_storageRowOfInsertion?.Length ?? 0))
        + (8L * (PermitRows.Length + _aliveDateRows.Length));

    /// <summary>Gets the working-set bytes per resident (the figure that bounds the speed of a full scan).</summary>
    /// <value><see cref="WorkingSetBytes"/> ÷ <see cref="Count"/>; 0 for an empty table.</value>
    public double BytesPerResident => Count == 0 ? 0 : (double)WorkingSetBytes / Count;

    /// <summary>Gets all bytes per resident, including the NIK column and the insertion order.</summary>
    /// <value><see cref="TotalBytes"/> ÷ <see cref="Count"/>; 0 for an empty table.</value>
    public double TotalBytesPerResident => Count == 0 ? 0 : (double)TotalBytes / Count;

    internal short[] Birth { get; }

    internal ushort[] Flags { get; }

    internal short[] Recording { get; }

    internal short[] Leave { get; }

    internal RegionCode[] Villages { get; }

    internal int[] VillageStarts { get; }

    /// <summary>Gets the storage rows with a permit expiry date, ascending.</summary>
    internal int[] PermitRows { get; }

    /// <summary>Gets the permit expiry dates of <see cref="PermitRows"/>.</summary>
    internal LocalDate[] PermitExpiries { get; }

    /// <summary>Returns one resident's column values, as they were added.</summary>
    /// <param name="index">The position at which the row was added, 0 to <see cref="Count"/> − 1.</param>
    /// <returns>The row, equal to the one added.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public ResidentRow GetRow(int index)
    {
        Preconditions.CheckArgumentRange(nameof(index), index, 0, Count - 1);
        return GetStorageRow(StorageRowOf(index));
    }

    /// <summary>Gets the NIK column in storage order, or <see langword="null"/> when no row has a NIK (for tests).</summary>
    internal long[]? NikColumn => _nik;

    /// <summary>Returns the storage row of the row added at <paramref name="index"/>.</summary>
    internal int StorageRowOf(int index) => _storageRowOfInsertion?[index] ?? index;

    internal ResidentRow GetStorageRow(int row)
    {
        var flags = Flags[row];
        return ResidentRow.FromColumns(_nik?[row] ?? 0, VillageOfRow(row), Birth[row], flags, Recording[row], Leave[row],
            FindSparse(PermitRows, PermitExpiries, row),
            RowFlags.GetLifeStatus(flags) == LifeStatus.Alive ? FindSparse(_aliveDateRows, _aliveDates, row) : null);
    }

    internal RegionCode VillageOfRow(int row) => Villages[VillageIndexOfRow(row)];

    internal int VillageIndexOfRow(int row)
    {
        // Villages are never empty, so starts are distinct: the village is the last one starting at or before the row.
        var index = Array.BinarySearch(VillageStarts, 0, Villages.Length, row);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>Returns the contiguous row ranges of the regions at a level (cached).</summary>
    internal RegionRanges GetRanges(RegionLevel level)
    {
        var ranges = Volatile.Read(ref _ranges[(int)level]);
        if (ranges is null)
        {
            ranges = RegionRanges.Group(Villages, VillageStarts, level);
            Volatile.Write(ref _ranges[(int)level], ranges);
        }

        return ranges;
    }

    /// <summary>Returns the first index in an ascending row list at or after <paramref name="row"/>.</summary>
    internal static int LowerBound(int[] rows, int row)
    {
        var index = Array.BinarySearch(rows, row);
        return index < 0 ? ~index : index;
    }

    /// <summary>Returns the value a sparse column (ascending rows, their values) holds for a row, if any.</summary>
    internal static LocalDate? FindSparse(ReadOnlySpan<int> rows, ReadOnlySpan<LocalDate> dates, int row)
    {
        var index = rows.BinarySearch(row);
        return index >= 0 ? dates[index] : null;
    }
}

/// <summary>The regions at one level and the contiguous storage rows of each: region <c>i</c> is rows
/// [<c>Starts[i]</c>, <c>Starts[i + 1]</c>).</summary>
internal sealed class RegionRanges
{
    public RegionRanges(RegionCode[] codes, int[] starts)
    {
        Codes = codes;
        Starts = starts;
    }

    public RegionCode[] Codes { get; }

    public int[] Starts { get; }

    public int Count => Codes.Length;

    public static RegionRanges Group(RegionCode[] villages, int[] villageStarts, RegionLevel level)
    {
        var codes = new List<RegionCode>();
        var starts = new List<int>();
        for (var v = 0; v < villages.Length; v++)
        {
            var code = villages[v].ToLevel(level);
            if (codes.Count == 0 || codes[^1] != code)
            {
                codes.Add(code);
                starts.Add(villageStarts[v]);
            }
        }

        starts.Add(villageStarts[villages.Length]);
        return new RegionRanges([.. codes], [.. starts]);
    }
}
