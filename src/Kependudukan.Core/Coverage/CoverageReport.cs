using System.Diagnostics.CodeAnalysis;
using Kependudukan.Eligibility;
using Kependudukan.Recording;
using Kependudukan.Regions;
using Kependudukan.Utility;
using NodaTime;
using static System.FormattableString;

namespace Kependudukan.Coverage;

/// <summary>Coverage indicators for a region hierarchy on one as-of date: the nation, provinces, regencies/cities, districts and
/// villages down to a chosen level.</summary>
/// <remarks>
/// <para>A report is built from exact per-region counts (<see cref="Create"/>), whoever computed them: the reference
/// <see cref="ResidentCounter"/> (<see cref="FromResidents"/>), the columnar engine or figures reported by regional offices.
/// Equal counts give equal reports. Every ancestor region and the nation are rolled up as a ratio of sums: their counts are
/// the sums of their sub-regions' counts, and their indicators are computed from those sums.</para>
/// <para>Rows exist for the regions present in the counts and their ancestors; a region without residents appears only when
/// the counts contain it (with zero counts). <see cref="Rows"/> lists the national row first, then every region in code
/// order, so each region comes right before its sub-regions.</para>
/// <para>Equality is by as-of date, level, pemula interval and rows (codes, names and counts).</para>
/// <para>Exports: <see cref="ToJson"/>, <see cref="FromJson"/> and <see cref="ToCsv"/>; the schema is documented in
/// <c>docs/coverage-export-schema.md</c>.</para>
/// </remarks>
/// <threadsafety>Instances are immutable and safe to share between threads.</threadsafety>
public sealed partial class CoverageReport : IEquatable<CoverageReport>
{
    private readonly CoverageRegionRow[] _rows;
    private readonly Dictionary<RegionCode, CoverageRegionRow> _byCode;

    private CoverageReport(LocalDate asOf, RegionLevel level, DateInterval? newlyWajibKtpInterval, CoverageRegionRow[] rows)
    {
        AsOf = asOf;
        Level = level;
        NewlyWajibKtpInterval = newlyWajibKtpInterval;
        _rows = rows;
        _byCode = rows.Where(r => r.Code is not null).ToDictionary(r => r.Code!.Value);
    }

    /// <summary>Gets the as-of date of every count.</summary>
    /// <value>The date ages, eligibility and recording states were evaluated on.</value>
    public LocalDate AsOf { get; }

    /// <summary>Gets the deepest level of the report.</summary>
    /// <value><see cref="RegionLevel.Province"/> to <see cref="RegionLevel.Village"/>.</value>
    public RegionLevel Level { get; }

    /// <summary>Gets the interval the wajib KTP pemula were counted in.</summary>
    /// <value>The interval (both ends inclusive), or <see langword="null"/> when pemula were not counted.</value>
    public DateInterval? NewlyWajibKtpInterval { get; }

    /// <summary>Gets the national row: the roll-up of every region in the report.</summary>
    /// <value>The row with no code.</value>
    public CoverageRegionRow National => _rows[0];

    /// <summary>Gets every row: the national row, then every region in code order (each region before its sub-regions).</summary>
    /// <value>The rows.</value>
    public IReadOnlyList<CoverageRegionRow> Rows => _rows;

    /// <summary>Builds a report from exact counts per region.</summary>
    /// <param name="counts">Counts keyed by region code, every key at the same level, at or below <paramref name="level"/>
    /// (for example village counts for a regency report); finer counts are added up to <paramref name="level"/>.</param>
    /// <param name="asOf">The as-of date the counts were made for.</param>
    /// <param name="level">The deepest level of the report.</param>
    /// <param name="catalog">The catalog to take region names from; <see langword="null"/> leaves names <see langword="null"/>.</param>
    /// <param name="newlyWajibKtpInterval">The interval <see cref="CoverageCounts.NewlyWajibKtp"/> was counted in, or <see langword="null"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="counts"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not Province, Regency, District or Village.</exception>
    /// <exception cref="ArgumentException">A key is the default code, keys are at different levels or above <paramref name="level"/>,
    /// or a count is negative.</exception>
    /// <exception cref="OverflowException">A roll-up sum overflows 64 bits.</exception>
    public static CoverageReport Create(
        IReadOnlyDictionary<RegionCode, CoverageCounts> counts,
        LocalDate asOf,
        RegionLevel level,
        RegionCatalog? catalog = null,
        DateInterval? newlyWajibKtpInterval = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        CheckLevel(level, nameof(level));
        var leafLevel = RegionLevel.None;
        foreach (var (code, value) in counts)
        {
            Preconditions.CheckArgument(code.Level != RegionLevel.None, nameof(counts), "A key of the counts is the default region code.");
            if (leafLevel == RegionLevel.None)
            {
                leafLevel = code.Level;
            }

            Preconditions.CheckArgument(code.Level == leafLevel, nameof(counts),
                $"Every key of the counts must be at the same level; found {leafLevel} and {code.Level} ({code}).");
            Preconditions.CheckArgument(leafLevel >= level, nameof(counts),
                $"Counts at {leafLevel} level cannot make a report down to {level} level; count at {level} level or below.");
            CheckNotNegative(code, value);
        }

        return Build(counts, asOf, level, newlyWajibKtpInterval, code => catalog is not null && catalog.TryGetName(code, out var name) ? name : null);
    }

    /// <summary>Builds a report by counting residents with the reference <see cref="ResidentCounter"/>.</summary>
    /// <param name="residents">The residents.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="level">The deepest level of the report.</param>
    /// <param name="catalog">The catalog to take region names from; <see langword="null"/> leaves names <see langword="null"/>.</param>
    /// <param name="policy">The eligibility policy; <see langword="null"/> for <see cref="KtpEligibilityPolicy.Default"/>.</param>
    /// <param name="mapping">The recording status mapping; <see langword="null"/> for <see cref="RecordingStatusMapping.Default"/>.</param>
    /// <param name="newlyWajibKtpInterval">The interval to count wajib KTP pemula in, or <see langword="null"/> to leave them 0.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="residents"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not Province, Regency, District or Village.</exception>
    public static CoverageReport FromResidents(
        IEnumerable<Resident> residents,
        LocalDate asOf,
        RegionLevel level,
        RegionCatalog? catalog = null,
        KtpEligibilityPolicy? policy = null,
        RecordingStatusMapping? mapping = null,
        DateInterval? newlyWajibKtpInterval = null)
    {
        ArgumentNullException.ThrowIfNull(residents);
        CheckLevel(level, nameof(level));
        return Create(ResidentCounter.CountByRegion(residents, asOf, level, policy, mapping, newlyWajibKtpInterval), asOf, level, catalog, newlyWajibKtpInterval);
    }

    /// <summary>Returns the row of a region.</summary>
    /// <param name="code">The region code.</param>
    /// <returns>The row.</returns>
    /// <exception cref="KeyNotFoundException">The report has no row for <paramref name="code"/>.</exception>
    public CoverageRegionRow GetRow(RegionCode code) =>
        _byCode.TryGetValue(code, out var row) ? row : throw new KeyNotFoundException(Invariant($"The report has no row for region {code}."));

    /// <summary>Looks up the row of a region.</summary>
    /// <param name="code">The region code.</param>
    /// <param name="row">The row, or <see langword="null"/> when the report has none for <paramref name="code"/>.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetRow(RegionCode code, [NotNullWhen(true)] out CoverageRegionRow? row) => _byCode.TryGetValue(code, out row);

    /// <summary>Returns the rows at a level, in code order.</summary>
    /// <param name="level">The level, Province to <see cref="Level"/>.</param>
    /// <param name="within">Only regions inside this region (for example the regencies of province 64); <see langword="null"/> for all.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not between Province and <see cref="Level"/>.</exception>
    public IReadOnlyList<CoverageRegionRow> GetRows(RegionLevel level, RegionCode? within = null)
    {
        Preconditions.CheckArgumentRange(nameof(level), (int)level, (int)RegionLevel.Province, (int)Level);
        return [.. _rows.Where(r => r.Level == level && (within is not { } parent || r.Code!.Value.IsWithin(parent)))];
    }

    /// <summary>Ranks the regions at a level by an indicator.</summary>
    /// <param name="indicator">The indicator, a count or a ratio.</param>
    /// <param name="level">The level, Province to <see cref="Level"/>.</param>
    /// <param name="within">Only regions inside this region; <see langword="null"/> for all.</param>
    /// <param name="highestFirst"><see langword="true"/> (the default) to rank the highest value first; <see langword="false"/> for the lowest first.</param>
    /// <returns>Every region at <paramref name="level"/> with its competition rank (ties share a rank, compared exactly), then the
    /// regions whose ratio has no value, unranked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="indicator"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not between Province and <see cref="Level"/>.</exception>
    public IReadOnlyList<RankedRegion> Rank(CoverageIndicator indicator, RegionLevel level, RegionCode? within = null, bool highestFirst = true)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var rows = GetRows(level, within);
        var isRatio = indicator.Kind == CoverageIndicatorKind.Ratio;
        int Compare(CoverageRegionRow a, CoverageRegionRow b)
        {
            var order = isRatio ? indicator.GetRatio(a.Counts).CompareTo(indicator.GetRatio(b.Counts)) : indicator.GetCount(a.Counts).CompareTo(indicator.GetCount(b.Counts));
            return highestFirst ? -order : order;
        }

        var ranked = rows.Where(r => !isRatio || indicator.GetRatio(r.Counts).HasValue).Order(Comparer<CoverageRegionRow>.Create(Compare)).ToList();
        var result = new List<RankedRegion>(rows.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            var rank = i > 0 && Compare(ranked[i - 1], ranked[i]) == 0 ? result[i - 1].Rank : i + 1;
            result.Add(new RankedRegion(rank, ranked[i]));
        }

        result.AddRange(rows.Where(r => isRatio && !indicator.GetRatio(r.Counts).HasValue).Select(r => new RankedRegion(null, r)));
        return result;
    }

    /// <summary>Returns the regions at a level that meet a target (for example the regencies that passed 75%).</summary>
    /// <param name="target">The target.</param>
    /// <param name="level">The level, Province to <see cref="Level"/>.</param>
    /// <param name="within">Only regions inside this region; <see langword="null"/> for all.</param>
    /// <returns>The rows whose exact ratio is at least the threshold, in code order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not between Province and <see cref="Level"/>.</exception>
    public IReadOnlyList<CoverageRegionRow> RegionsMeeting(CoverageTarget target, RegionLevel level, RegionCode? within = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        return [.. GetRows(level, within).Where(r => target.Assess(r.Counts).IsMet)];
    }

    /// <inheritdoc/>
    public bool Equals([NotNullWhen(true)] CoverageReport? other) =>
        other is not null && AsOf == other.AsOf && Level == other.Level && Equals(NewlyWajibKtpInterval, other.NewlyWajibKtpInterval)
        && _rows.SequenceEqual(other._rows);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as CoverageReport);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(AsOf, Level, _rows.Length, National);

    /// <summary>Describes the report.</summary>
    /// <returns>For example <c>"Coverage report as of 2024-06-30 down to Regency level, 11 regions"</c>.</returns>
    public override string ToString() => Invariant($"Coverage report as of {AsOf:uuuu-MM-dd} down to {Level} level, {_rows.Length - 1} regions");

    /// <summary>Rolls counts up and builds the report; the counts are validated, at <paramref name="level"/> or below.</summary>
    private static CoverageReport Build(
        IEnumerable<KeyValuePair<RegionCode, CoverageCounts>> counts,
        LocalDate asOf,
        RegionLevel level,
        DateInterval? newlyWajibKtpInterval,
        Func<RegionCode, string?> names)
    {
        var sums = new Dictionary<RegionCode, CoverageCounts>();
        var national = default(CoverageCounts);
        foreach (var (code, value) in counts)
        {
            national += value;
            for (var l = RegionLevel.Province; l <= level; l++)
            {
                var key = code.ToLevel(l);
                sums.TryGetValue(key, out var sum);
                sums[key] = sum + value;
            }
        }

        var codes = sums.Keys.ToArray();
        Array.Sort(codes);
        var rows = new CoverageRegionRow[codes.Length + 1];
        rows[0] = new CoverageRegionRow(null, null, national);
        for (var i = 0; i < codes.Length; i++)
        {
            rows[i + 1] = new CoverageRegionRow(codes[i], names(codes[i]), sums[codes[i]]);
        }

        return new CoverageReport(asOf, level, newlyWajibKtpInterval, rows);
    }

    private static void CheckLevel(RegionLevel level, string paramName) =>
        Preconditions.CheckArgumentRange(paramName, (int)level, (int)RegionLevel.Province, (int)RegionLevel.Village);

    private static void CheckNotNegative(RegionCode code, CoverageCounts counts)
    {
        foreach (var cell in Internals.CoverageCells.Counts)
        {
            // The backlog is derived (wajib KTP − recorded) and may be negative in reported counts.
            if (cell.Id != CoverageIndicator.NotRecorded.Id && cell.Get(counts) < 0)
            {
                throw new ArgumentException(Invariant($"Count {cell.Id} of region {code} is negative ({cell.Get(counts)}); counts must be 0 or more."), "counts");
            }
        }
    }
}
