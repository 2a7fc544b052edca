using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Kependudukan.Aggregation.Internals;
using Kependudukan.Coverage;
using Kependudukan.Eligibility;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Aggregation;

/// <summary>A time-travel index of a <see cref="PopulationTable"/>: counts for any as-of date, past or future, by binary
/// search instead of a scan.</summary>
/// <remarks>
/// <para>Every count is a number of residents whose status holds on the as-of date, and for each resident each status
/// holds on one interval of dates: present from birth until death or moving abroad, a child from birth until the 18th
/// birthday, wajib KTP by age from the 17th birthday, recorded from the later of becoming wajib KTP and the recording
/// date, and so on. A count on date <c>d</c> is therefore the number of intervals starting on or before <c>d</c> minus the
/// number ending on or before it. The index keeps, per region, sorted birth days (interval starts and ends that are
/// birthdays reduce to birth-date thresholds, as in the scan) and sorted explicit starts and ends for recording dates and
/// for residents who died, moved abroad or hold an expiring ITAP; a query is a few dozen binary searches per region.</para>
/// <para>Counts equal a full scan (and <see cref="ResidentCounter"/>) on every date, with statuses as in the table:
/// forward dates project who turns 16, 17 or 18; past dates use the recording, death and moving dates loaded (a resident
/// without a recording date counts as recorded on every date, as in <see cref="ResidentCounter"/>). Dates after
/// <see cref="PopulationTable.MaxSupportedDate"/> are answered by a full scan.</para>
/// </remarks>
/// <threadsafety>Instances are immutable and safe to share between threads; queries may run concurrently.</threadsafety>
public sealed class CoverageIndex
{
    private const int StatusCount = 15;

    // Regions per parallel work item of a query.
    private const int ParallelRegions = 32;

    // Sorted arrays per region, by id.
    private const int AllBirth = 0;
    private const int CertificateBirth = 1;
    private const int KiaBirth = 2;
    private const int EligibleMarriedBirth = 3;
    private const int EligibleNeverMarriedBirth = 4;
    private const int RecordedStart = 5; // + status (1-14), so 6-19
    private const int CorrectionStart = RecordedStart + StatusCount; // + 2 × counter (start, end)
    private const int ClosedEligibleBirth = CorrectionStart + (2 * Correction.Count); // sorted by birth, with ...
    private const int ClosedEligibleEnd = ClosedEligibleBirth + 1; // ... the day eligibility ends, in the same order
    private const int ArrayCount = ClosedEligibleEnd + 1;

    private readonly CoverageEngine _engine;
    private readonly PopulationTable _table;
    private readonly RegionRanges _ranges;
    private readonly short[][] _pools;
    private readonly int[][] _offsets;

    private CoverageIndex(CoverageEngine engine, PopulationTable table, RegionRanges ranges, short[][] pools, int[][] offsets)
    {
        _engine = engine;
        _table = table;
        _ranges = ranges;
        _pools = pools;
        _offsets = offsets;
    }

    /// <summary>Gets the level the index answers for.</summary>
    /// <value>The level given to <see cref="CoverageEngine.BuildIndex"/>.</value>
    public RegionLevel Level { get; private init; }

    /// <summary>Gets the number of residents indexed.</summary>
    /// <value>The row count of the table.</value>
    public int ResidentCount => _table.Count;

    /// <summary>Gets the size of the index in bytes.</summary>
    /// <value>The bytes of the sorted day arrays and their offsets.</value>
    public long Bytes => _pools.Sum(p => 2L * p.Length) + (_offsets.Length * 4L * (ArrayCount + 1));

    /// <summary>Counts every region on an as-of date.</summary>
    /// <param name="asOf">The as-of date (ISO calendar), before, on or after the dates in the table.</param>
    /// <param name="newlyWajibKtpInterval">The interval for <see cref="CoverageCounts.NewlyWajibKtp"/>, or <see langword="null"/> to leave it 0.</param>
    /// <returns>Counts per region with at least one resident, equal to <see cref="CoverageEngine.Count"/> on the same date.</returns>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> or the interval is not in the ISO calendar.</exception>
    public CoverageResult Count(LocalDate asOf, DateInterval? newlyWajibKtpInterval = null)
    {
        CoverageEngine.CheckQuery(asOf, Level, newlyWajibKtpInterval);
        if (asOf > PopulationTable.MaxSupportedDate || newlyWajibKtpInterval?.End > PopulationTable.MaxSupportedDate)
        {
            // Birthdays after the last storable day do not fit the index's day numbers.
            return _engine.Count(_table, asOf, Level, newlyWajibKtpInterval);
        }

        var p = ScanParameters.Create(_engine.Policy, _engine.Mapping, asOf, newlyWajibKtpInterval);
        var counts = new CoverageCounts[_ranges.Count];
        if (counts.Length < ParallelRegions || _engine.MaxDegreeOfParallelism == 1)
        {
            for (var region = 0; region < counts.Length; region++)
            {
                counts[region] = CountRegion(region, p);
            }
        }
        else
        {
            Parallel.For(0, (counts.Length + ParallelRegions - 1) / ParallelRegions, new ParallelOptions { MaxDegreeOfParallelism = _engine.MaxDegreeOfParallelism }, batch =>
            {
                for (var region = batch * ParallelRegions; region < Math.Min(counts.Length, (batch + 1) * ParallelRegions); region++)
                {
                    counts[region] = CountRegion(region, p);
                }
            });
        }

        return new CoverageResult(asOf, Level, newlyWajibKtpInterval, _ranges.Codes, counts);
    }

    internal static CoverageIndex Build(CoverageEngine engine, PopulationTable table, RegionLevel level)
    {
        var ranges = table.GetRanges(level);
        var birthdays = BirthdayTable.Create(engine.Policy);
        var pools = new short[ranges.Count][];
        var offsets = new int[ranges.Count][];
        Parallel.For(
            0,
            ranges.Count,
            new ParallelOptions { MaxDegreeOfParallelism = engine.MaxDegreeOfParallelism },
            region => BuildRegion(table, ranges.Starts[region], ranges.Starts[region + 1], birthdays, out pools[region], out offsets[region]));
        return new CoverageIndex(engine, table, ranges, pools, offsets) { Level = level };
    }

    private static void BuildRegion(PopulationTable table, int start, int end, BirthdayTable birthdays, out short[] pool, out int[] offsets)
    {
        // Two passes over the rows: the first sizes every array, the second fills one pool; then each array is sorted.
        var sink = new ArraySink();
        Classify(table, start, end, birthdays, sink);
        offsets = new int[ArrayCount + 1];
        for (var i = 0; i < ArrayCount; i++)
        {
            offsets[i + 1] = offsets[i] + sink.Counts[i];
        }

        pool = new short[offsets[ArrayCount]];
        sink.Start(pool, offsets);
        Classify(table, start, end, birthdays, sink);
        var histogram = new int[1 << 16];
        for (var i = 0; i < ClosedEligibleBirth; i++)
        {
            SortDays(pool.AsSpan(offsets[i], offsets[i + 1] - offsets[i]), histogram);
        }

        sink.Closed.Sort();
        for (var i = 0; i < sink.Closed.Count; i++)
        {
            pool[offsets[ClosedEligibleBirth] + i] = sink.Closed[i].Birth;
            pool[offsets[ClosedEligibleEnd] + i] = sink.Closed[i].End;
        }
    }

    private static void Classify(PopulationTable table, int start, int end, BirthdayTable birthdays, ArraySink sink)
    {
        var permitIndex = PopulationTable.LowerBound(table.PermitRows, start);
        for (var row = start; row < end; row++)
        {
            var leave = table.Leave[row];
            if (leave == DayNumber.Always)
            {
                // Deceased or abroad on every date: never counted.
                continue;
            }

            var flags = table.Flags[row];
            var birth = table.Birth[row];
            var birthday16 = birthdays.Get(birth, 0);
            var birthday17 = birthdays.Get(birth, 1);
            var birthday18 = birthdays.Get(birth, 2);
            var certificate = RowFlags.HasBirthCertificate(flags);
            var kia = RowFlags.HasKia(flags);
            var eligible = RowFlags.IsEligibleCitizen(flags);
            var everMarried = RowFlags.IsEverMarried(flags);
            var status = flags & RowFlags.StatusMask;
            var recording = table.Recording[row];

            var eligibleEnd = leave;
            while (permitIndex < table.PermitRows.Length && table.PermitRows[permitIndex] < row)
            {
                permitIndex++;
            }

            if (permitIndex < table.PermitRows.Length && table.PermitRows[permitIndex] == row && RowFlags.GetCitizenship(flags) == Citizenship.ForeignerWithItap)
            {
                var expiryEnd = DayNumber.Threshold(table.PermitExpiries[permitIndex].PlusDays(1));
                eligibleEnd = Math.Min(eligibleEnd, expiryEnd);
            }

            sink.Add(AllBirth, birth);
            if (certificate)
            {
                sink.Add(CertificateBirth, birth);
            }

            if (kia)
            {
                sink.Add(KiaBirth, birth);
            }

            var wajibStart = everMarried ? birth : birthday17;
            var recordedStart = Math.Max(wajibStart, recording);
            if (eligible)
            {
                sink.Add(everMarried ? EligibleMarriedBirth : EligibleNeverMarriedBirth, birth);
                sink.Add(RecordedStart + status, recordedStart);
            }

            if (leave != DayNumber.Never)
            {
                AddCorrection(sink, Correction.Present, birth, DayNumber.Never, leave);
                AddCorrection(sink, Correction.Children, birth, birthday18, leave);
                AddCorrection(sink, Correction.Under17, birth, birthday17, leave);
                if (certificate)
                {
                    AddCorrection(sink, Correction.ChildrenWithCertificate, birth, birthday18, leave);
                }

                if (kia)
                {
                    AddCorrection(sink, Correction.Under17WithKia, birth, birthday17, leave);
                }
            }

            if (eligible && eligibleEnd != DayNumber.Never)
            {
                AddCorrection(sink, Correction.ByAge, birthday17, DayNumber.Never, eligibleEnd);
                if (everMarried)
                {
                    AddCorrection(sink, Correction.ByMarriage, birth, birthday17, eligibleEnd);
                }
                else
                {
                    AddCorrection(sink, Correction.MayRecordEarly, birthday16, birthday17, eligibleEnd);
                }

                AddCorrection(sink, Correction.RecordedFirst + status, recordedStart, DayNumber.Never, eligibleEnd);
                sink.AddClosed(birth, eligibleEnd);
            }
        }
    }

    /// <summary>Records that an open-ended count over [<paramref name="start"/>, <paramref name="end"/>) overcounts a resident
    /// from <paramref name="leave"/> on: the overcount is [max(start, leave), end).</summary>
    private static void AddCorrection(ArraySink sink, int counter, short start, short end, short leave)
    {
        var from = Math.Max(start, leave);
        if (from < end)
        {
            sink.Add(CorrectionStart + (2 * counter), from);
            if (end != DayNumber.Never)
            {
                sink.Add(CorrectionStart + (2 * counter) + 1, end);
            }
        }
    }

    /// <summary>Sorts day numbers: a counting sort for long arrays (65,536 possible values), a comparison sort for short ones.</summary>
    private static void SortDays(Span<short> days, int[] histogram)
    {
        if (days.Length < 4096)
        {
            days.Sort();
            return;
        }

        int min = short.MaxValue, max = short.MinValue;
        foreach (var day in days)
        {
            min = Math.Min(min, day);
            max = Math.Max(max, day);
            histogram[day - short.MinValue]++;
        }

        var position = 0;
        for (var value = min; value <= max; value++)
        {
            ref var count = ref histogram[value - short.MinValue];
            days.Slice(position, count).Fill((short)value);
            position += count;
            count = 0;
        }
    }

    private CoverageCounts CountRegion(int region, in ScanParameters p)
    {
        var pool = _pools[region];
        var offsets = _offsets[region];
        var asOf = p.AsOf;

        var population = Rank(pool, offsets, AllBirth, asOf);
        var aged17 = Rank(pool, offsets, AllBirth, p.Born17);
        var aged18 = Rank(pool, offsets, AllBirth, p.Born18);
        var certificate = Rank(pool, offsets, CertificateBirth, asOf) - Rank(pool, offsets, CertificateBirth, p.Born18);
        var kia = Rank(pool, offsets, KiaBirth, asOf) - Rank(pool, offsets, KiaBirth, p.Born17);
        var marriedBorn = Rank(pool, offsets, EligibleMarriedBirth, asOf);
        var married17 = Rank(pool, offsets, EligibleMarriedBirth, p.Born17);
        var neverMarried16 = Rank(pool, offsets, EligibleNeverMarriedBirth, p.Born16);
        var neverMarried17 = Rank(pool, offsets, EligibleNeverMarriedBirth, p.Born17);

        long recorded = 0, printReady = 0, printed = 0, failed = 0, duplicate = 0;
        for (var status = 1; status < StatusCount; status++)
        {
            int bits = p.CategoryLookup.GetElement(status);
            if (bits == 0)
            {
                continue;
            }

            var n = Rank(pool, offsets, RecordedStart + status, asOf) - Overcount(pool, offsets, Correction.RecordedFirst + status, asOf);
            recorded += (bits & ScanParameters.CategoryRecorded) != 0 ? n : 0;
            printReady += (bits & ScanParameters.CategoryPrintReady) != 0 ? n : 0;
            printed += (bits & ScanParameters.CategoryPrinted) != 0 ? n : 0;
            failed += (bits & ScanParameters.CategoryFailed) != 0 ? n : 0;
            duplicate += (bits & ScanParameters.CategoryDuplicate) != 0 ? n : 0;
        }

        var byAge = married17 + neverMarried17 - Overcount(pool, offsets, Correction.ByAge, asOf);
        var byMarriage = marriedBorn - married17 - Overcount(pool, offsets, Correction.ByMarriage, asOf);
        var newly = 0L;
        if (p.HasNewly)
        {
            newly = Rank(pool, offsets, EligibleMarriedBirth, p.NewlyUpTo) - Rank(pool, offsets, EligibleMarriedBirth, p.NewlyAfter)
                + Rank(pool, offsets, EligibleNeverMarriedBirth, p.NewlyUpTo) - Rank(pool, offsets, EligibleNeverMarriedBirth, p.NewlyAfter)
                - CountClosedNewly(pool, offsets, p);
        }

        return new CoverageCounts
        {
            Population = population - Overcount(pool, offsets, Correction.Present, asOf),
            WajibKtp = byAge + byMarriage,
            WajibKtpByAge = byAge,
            WajibKtpByMarriage = byMarriage,
            Recorded = recorded,
            PrintReady = printReady,
            Printed = printed,
            RecordingFailed = failed,
            Duplicates = duplicate,
            Children = population - aged18 - Overcount(pool, offsets, Correction.Children, asOf),
            ChildrenWithBirthCertificate = certificate - Overcount(pool, offsets, Correction.ChildrenWithCertificate, asOf),
            ChildrenUnder17 = population - aged17 - Overcount(pool, offsets, Correction.Under17, asOf),
            ChildrenUnder17WithKia = kia - Overcount(pool, offsets, Correction.Under17WithKia, asOf),
            MayRecordEarly = neverMarried16 - neverMarried17 - Overcount(pool, offsets, Correction.MayRecordEarly, asOf),
            NewlyWajibKtp = newly,
        };
    }

    /// <summary>Counts the residents who turn 17 within the interval but are not present or not eligible on its last day.</summary>
    private static long CountClosedNewly(short[] pool, int[] offsets, in ScanParameters p)
    {
        var births = Span(pool, offsets, ClosedEligibleBirth);
        var ends = Span(pool, offsets, ClosedEligibleEnd);
        long count = 0;
        for (var i = UpperBound(births, p.NewlyAfter); i < births.Length && births[i] <= p.NewlyUpTo; i++)
        {
            count += ends[i] <= p.NewlyEnd ? 1 : 0;
        }

        return count;
    }

    private static long Overcount(short[] pool, int[] offsets, int counter, short asOf) =>
        Rank(pool, offsets, CorrectionStart + (2 * counter), asOf) - Rank(pool, offsets, CorrectionStart + (2 * counter) + 1, asOf);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Rank(short[] pool, int[] offsets, int array, short value) => UpperBound(Span(pool, offsets, array), value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<short> Span(short[] pool, int[] offsets, int array) =>
        pool.AsSpan(offsets[array], offsets[array + 1] - offsets[array]);

    /// <summary>Returns the number of elements ≤ <paramref name="value"/> in an ascending span (branch-free binary search).</summary>
    internal static int UpperBound(ReadOnlySpan<short> sorted, short value)
    {
        unchecked
        {
            var length = sorted.Length;
            if (length == 0)
            {
                return 0;
            }

            ref var first = ref MemoryMarshal.GetReference(sorted);
            var low = 0;
            while (length > 1)
            {
                var half = length >> 1;
                low = Unsafe.Add(ref first, low + half - 1) <= value ? low + half : low;
                length -= half;
            }

            return low + (Unsafe.Add(ref first, low) <= value ? 1 : 0);
        }
    }

    /// <summary>Counts array entries on a first pass, writes them into the pool on the second.</summary>
    private sealed class ArraySink
    {
        private short[]? _pool;
        private int[] _cursor = [];

        public int[] Counts { get; } = new int[ArrayCount];

        public List<(short Birth, short End)> Closed { get; } = [];

        public void Start(short[] pool, int[] offsets)
        {
            _pool = pool;
            _cursor = offsets[..ArrayCount];
        }

        public void Add(int array, short value)
        {
            if (_pool is null)
            {
                Counts[array]++;
            }
            else
            {
                _pool[_cursor[array]++] = value;
            }
        }

        public void AddClosed(short birth, short end)
        {
            if (_pool is null)
            {
                Counts[ClosedEligibleBirth]++;
                Counts[ClosedEligibleEnd]++;
            }
            else
            {
                Closed.Add((birth, end));
            }
        }
    }

    /// <summary>The counters that residents with an end date (death, moving abroad, permit expiry) correct.</summary>
    private static class Correction
    {
        public const int Present = 0;
        public const int Children = 1;
        public const int ChildrenWithCertificate = 2;
        public const int Under17 = 3;
        public const int Under17WithKia = 4;
        public const int ByAge = 5;
        public const int ByMarriage = 6;
        public const int MayRecordEarly = 7;
        public const int RecordedFirst = 8; // + status (1-14)
        public const int Count = RecordedFirst + StatusCount;
    }

    /// <summary>The 16th, 17th and 18th birthdays of every storable birth day under one policy, as day numbers.</summary>
    private sealed class BirthdayTable
    {
        private readonly short[] _days;

        private BirthdayTable(short[] days) => _days = days;

        public static BirthdayTable Create(KtpEligibilityPolicy policy)
        {
            const int Days = DayNumber.MaxValid - DayNumber.MinValid + 1;
            var days = new short[Days * 3];
            Parallel.For(0, Days, offset =>
            {
                var birth = DayNumber.ToDate((short)(DayNumber.MinValid + offset));
                days[offset * 3] = DayNumber.Threshold(policy.BirthdayOfAge(birth, KtpEligibilityPolicy.MinimumRecordingAge));
                days[(offset * 3) + 1] = DayNumber.Threshold(policy.BirthdayOfAge(birth, KtpEligibilityPolicy.WajibKtpAge));
                days[(offset * 3) + 2] = DayNumber.Threshold(policy.BirthdayOfAge(birth, KtpEligibilityPolicy.ChildAgeLimit));
            });
            return new BirthdayTable(days);
        }

        /// <summary>Returns a birthday: <paramref name="which"/> 0 for the 16th, 1 for the 17th, 2 for the 18th.</summary>
        public short Get(short birth, int which) => _days[((birth - DayNumber.MinValid) * 3) + which];
    }
}
