using Kependudukan.Aggregation.Internals;
using Kependudukan.Coverage;
using Kependudukan.Eligibility;
using Kependudukan.Recording;
using Kependudukan.Regions;
using Kependudukan.Utility;
using NodaTime;
using static System.FormattableString;

namespace Kependudukan.Aggregation;

/// <summary>Counts coverage per region on an as-of date by scanning a <see cref="PopulationTable"/> on every core with SIMD.</summary>
/// <remarks>
/// <para>The counts equal <see cref="ResidentCounter.CountByRegion"/> over the same residents with the same policy and
/// mapping, exactly, on every date. Ages become birth-date thresholds computed with the policy, so the scan is integer
/// compares of 16-bit day numbers; the recording status is mapped to categories through a 16-entry lookup built from the
/// mapping for each query.</para>
/// <para>Rows are split into chunks that the worker threads take in turn; each chunk is counted into its own counters and
/// the chunks of a region are added at the end, so results do not depend on scheduling. The widest vector instructions the
/// machine supports are used (AVX2, then 128-bit vectors), with a scalar fallback.</para>
/// <para>For many as-of dates on the same table, build a <see cref="CoverageIndex"/> once with <see cref="BuildIndex"/>.</para>
/// </remarks>
/// <threadsafety>Instances are immutable and safe to share between threads; queries may run concurrently.</threadsafety>
public sealed class CoverageEngine
{
    private const int ChunkRows = 1 << 16;

    private readonly int _maxDegreeOfParallelism;

    /// <summary>Initializes a new engine.</summary>
    /// <param name="policy">The eligibility policy; <see langword="null"/> for <see cref="KtpEligibilityPolicy.Default"/>.</param>
    /// <param name="mapping">The status mapping; <see langword="null"/> for <see cref="RecordingStatusMapping.Default"/>.</param>
    public CoverageEngine(KtpEligibilityPolicy? policy = null, RecordingStatusMapping? mapping = null)
        : this(policy, mapping, CoverageKernels.Best)
    {
    }

    internal CoverageEngine(KtpEligibilityPolicy? policy, RecordingStatusMapping? mapping, ICoverageKernel kernel)
    {
        Policy = policy ?? KtpEligibilityPolicy.Default;
        Mapping = mapping ?? RecordingStatusMapping.Default;
        Kernel = kernel;
    }

    /// <summary>Gets the eligibility policy.</summary>
    /// <value>The policy given at construction, or <see cref="KtpEligibilityPolicy.Default"/>.</value>
    public KtpEligibilityPolicy Policy { get; }

    /// <summary>Gets the status mapping.</summary>
    /// <value>The mapping given at construction, or <see cref="RecordingStatusMapping.Default"/>.</value>
    public RecordingStatusMapping Mapping { get; }

    /// <summary>Gets the largest number of threads one query uses.</summary>
    /// <value>1 or more; the default (also when set to 0) is <see cref="Environment.ProcessorCount"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism == 0 ? Environment.ProcessorCount : _maxDegreeOfParallelism;
        init
        {
            Preconditions.CheckArgumentRange(nameof(value), value, 0, int.MaxValue);
            _maxDegreeOfParallelism = value;
        }
    }

    internal ICoverageKernel Kernel { get; }

    /// <summary>Counts every region at a level on an as-of date with a full scan.</summary>
    /// <param name="table">The population.</param>
    /// <param name="asOf">The as-of date (ISO calendar).</param>
    /// <param name="level">The level to group by.</param>
    /// <param name="newlyWajibKtpInterval">The interval for <see cref="CoverageCounts.NewlyWajibKtp"/>, or <see langword="null"/> to leave it 0.</param>
    /// <returns>Counts per region with at least one resident.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not Province, Regency, District or Village.</exception>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> or the interval is not in the ISO calendar.</exception>
    public CoverageResult Count(PopulationTable table, LocalDate asOf, RegionLevel level, DateInterval? newlyWajibKtpInterval = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        CheckQuery(asOf, level, newlyWajibKtpInterval);
        var parameters = ScanParameters.Create(Policy, Mapping, asOf, newlyWajibKtpInterval);
        var ranges = table.GetRanges(level);

        // Work items: each region split into chunks, so threads balance and a chunk never spans two regions.
        var itemRegion = new List<int>();
        var itemStart = new List<int>();
        for (var region = 0; region < ranges.Count; region++)
        {
            for (var start = ranges.Starts[region]; start < ranges.Starts[region + 1]; start += ChunkRows)
            {
                itemRegion.Add(region);
                itemStart.Add(start);
            }
        }

        var itemCount = itemRegion.Count;
        var counters = new long[itemCount * RawCounter.Count];
        var next = -1;
        void Work()
        {
            int item;
            while ((item = Interlocked.Increment(ref next)) < itemCount)
            {
                var start = itemStart[item];
                var end = Math.Min(start + ChunkRows, ranges.Starts[itemRegion[item] + 1]);
                var slot = counters.AsSpan(item * RawCounter.Count, RawCounter.Count);
                Kernel.Count(table, start, end, parameters, slot);
                CorrectPermits(table, start, end, parameters, slot);
            }
        }

        var workers = Math.Min(MaxDegreeOfParallelism, itemCount);
        if (workers <= 1)
        {
            Work();
        }
        else
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ => Work());
        }

        Span<long> regionCounters = stackalloc long[RawCounter.Count];
        var counts = new CoverageCounts[ranges.Count];
        var itemIndex = 0;
        for (var region = 0; region < ranges.Count; region++)
        {
            regionCounters.Clear();
            for (; itemIndex < itemCount && itemRegion[itemIndex] == region; itemIndex++)
            {
                RawCounter.Add(regionCounters, counters.AsSpan(itemIndex * RawCounter.Count, RawCounter.Count));
            }

            counts[region] = RawCounter.ToCounts(regionCounters);
        }

        return new CoverageResult(asOf, level, newlyWajibKtpInterval, ranges.Codes, counts);
    }

    /// <summary>Builds the time-travel index of a table for a level: afterwards, counts for any as-of date take a few binary
    /// searches per region instead of a scan.</summary>
    /// <param name="table">The population.</param>
    /// <param name="level">The level the index answers for.</param>
    /// <returns>The index, using this engine's policy and mapping.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not Province, Regency, District or Village.</exception>
    public CoverageIndex BuildIndex(PopulationTable table, RegionLevel level)
    {
        ArgumentNullException.ThrowIfNull(table);
        CheckLevel(level);
        return CoverageIndex.Build(this, table, level);
    }

    internal static void CheckQuery(LocalDate asOf, RegionLevel level, DateInterval? newlyWajibKtpInterval)
    {
        CheckLevel(level);
        Preconditions.CheckArgument(asOf.Calendar == CalendarSystem.Iso, nameof(asOf), $"The as-of date should be in the ISO calendar; got {asOf.Calendar.Id}.");
        Preconditions.CheckArgument(
            newlyWajibKtpInterval is null || newlyWajibKtpInterval.Calendar == CalendarSystem.Iso,
            nameof(newlyWajibKtpInterval),
            "The interval should be in the ISO calendar.");
    }

    internal static void CheckLevel(RegionLevel level)
    {
        if (level is < RegionLevel.Province or > RegionLevel.Village)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Level should be Province, Regency, District or Village.");
        }
    }

    /// <summary>Recounts the ITAP holders of a row range whose permit expired by the as-of date (or by the end of the
    /// newly-wajib-KTP interval): the kernels counted them as eligible.</summary>
    private static void CorrectPermits(PopulationTable table, int start, int end, in ScanParameters p, Span<long> counters)
    {
        var rows = table.PermitRows;
        for (var i = PopulationTable.LowerBound(rows, start); i < rows.Length && rows[i] < end; i++)
        {
            var row = rows[i];
            var flags = table.Flags[row];
            if (RowFlags.GetCitizenship(flags) != Citizenship.ForeignerWithItap)
            {
                continue;
            }

            var expiry = table.PermitExpiries[i];
            var eligibleOnAsOf = expiry >= p.AsOfDate;
            var eligibleOnNewlyEnd = !p.HasNewly || expiry >= p.NewlyEndDate;
            if (!eligibleOnAsOf || !eligibleOnNewlyEnd)
            {
                ScalarCoverageKernel.CountRow(table.Birth[row], flags, table.Recording[row], table.Leave[row], p, true, true, counters, -1);
                ScalarCoverageKernel.CountRow(table.Birth[row], flags, table.Recording[row], table.Leave[row], p, eligibleOnAsOf, eligibleOnNewlyEnd, counters, 1);
            }
        }
    }
}
