using System.Diagnostics.CodeAnalysis;
using Kependudukan.Coverage;
using Kependudukan.Eligibility;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;
using static System.FormattableString;

namespace Kependudukan.Aggregation.Partials;

/// <summary>Coverage counts per region for one part of the country, as one regional office computes and reports them upward;
/// partials of disjoint parts merge into the counts of the whole.</summary>
/// <remarks>
/// <para>A partial holds the settings the counts depend on (<see cref="AsOf"/>, <see cref="NewlyWajibKtpInterval"/>,
/// <see cref="PolicyId"/>), the <see cref="Scope"/> it claims (the regions whose residents it counted, for example one regency),
/// one row of <see cref="CoverageCounts"/> per region at <see cref="Level"/>, and the names of the offices that produced it
/// (<see cref="Sources"/>). It holds no personal data.</para>
/// <para>Scope codes may be at any level and never overlap (none equals or lies inside another). Every row is at
/// <see cref="Level"/> and overlaps the scope: it lies inside a scope code, or (after <see cref="RollUp"/> to a level coarser than
/// the scope) contains one, in which case the row counts only the residents of the scope inside that region. Rows obey the rules
/// <see cref="CoverageCounts"/> documents (no negative count, <c>WajibKtp = WajibKtpByAge + WajibKtpByMarriage</c>, each part at
/// most its whole, <c>NewlyWajibKtp = 0</c> without an interval).</para>
/// <para><see cref="Merge(CoveragePartial, CoveragePartial)"/> is associative and commutative: merging partials in any order and
/// grouping gives equal results, equal to counting all their residents at once. Serialise with <see cref="WriteTo"/> (compact
/// binary) or <see cref="WriteJsonTo"/> (JSON); both formats are described in <c>docs/partials-format.md</c>.</para>
/// <para>Equality is by value: equal settings, scope, rows and sources. Scope, rows and sources are kept sorted (codes ascending,
/// sources by ordinal order) so equal content compares and serialises equally whatever order it was given in.</para>
/// </remarks>
/// <threadsafety>Instances are immutable and safe to share between threads.</threadsafety>
public sealed partial class CoveragePartial : IEquatable<CoveragePartial>
{
    private const int MaxSourceLength = 200;
    private const int ScopeCodesShown = 4;

    private readonly RegionCode[] _scope;
    private readonly RegionCountsView _rows;
    private readonly string[] _sources;

    private CoveragePartial(LocalDate asOf, DateInterval? interval, CountingPolicyId policyId, RegionLevel level, RegionCode[] scope, RegionCountsView rows, string[] sources, CoverageCounts total)
    {
        AsOf = asOf;
        NewlyWajibKtpInterval = interval;
        PolicyId = policyId;
        Level = level;
        _scope = scope;
        _rows = rows;
        _sources = sources;
        Total = total;
    }

    /// <summary>Gets the date the counts are as of.</summary>
    /// <value>An ISO-calendar date in years 1-9999.</value>
    public LocalDate AsOf { get; }

    /// <summary>Gets the interval of <see cref="CoverageCounts.NewlyWajibKtp"/> (wajib KTP pemula).</summary>
    /// <value>The interval, or <see langword="null"/> when the counts have no newly-wajib-KTP figure (then it is 0 in every row).</value>
    public DateInterval? NewlyWajibKtpInterval { get; }

    /// <summary>Gets the id of the eligibility policy and status mapping the counts were computed with.</summary>
    /// <value>A valid id (never the default value).</value>
    public CountingPolicyId PolicyId { get; }

    /// <summary>Gets the level of every row.</summary>
    /// <value><see cref="RegionLevel.Province"/> to <see cref="RegionLevel.Village"/>.</value>
    public RegionLevel Level { get; }

    /// <summary>Gets the regions this partial claims: it counted every resident living in them, and no one else.</summary>
    /// <value>One or more non-overlapping codes, in ascending order.</value>
    public IReadOnlyList<RegionCode> Scope => _scope.AsReadOnly();

    /// <summary>Gets the counts per region at <see cref="Level"/>.</summary>
    /// <value>The rows, enumerated in ascending code order; a region without a row had no one to count.</value>
    public IReadOnlyDictionary<RegionCode, CoverageCounts> Counts => _rows;

    /// <summary>Gets the names of the offices that produced the counts, for example <c>Disdukcapil Kota Samarinda</c>.</summary>
    /// <value>Distinct names in ordinal order; empty when none was given. A merge keeps the names of all its inputs.</value>
    public IReadOnlyList<string> Sources => _sources.AsReadOnly();

    /// <summary>Gets the sum of all rows: the counts of the whole scope.</summary>
    /// <value>The field-wise sum of <see cref="Counts"/>.</value>
    public CoverageCounts Total { get; }

    /// <summary>Creates a partial from counts computed elsewhere (for example by <see cref="ResidentCounter.CountByRegion"/>).</summary>
    /// <param name="asOf">The as-of date of the counts.</param>
    /// <param name="policyId">The settings the counts were computed with (<see cref="CountingPolicyId.From"/>).</param>
    /// <param name="level">The level of every row.</param>
    /// <param name="scope">The regions the partial claims; at least one, none overlapping another.</param>
    /// <param name="counts">The counts per region, each at <paramref name="level"/> and overlapping <paramref name="scope"/>.</param>
    /// <param name="newlyWajibKtpInterval">The interval of <see cref="CoverageCounts.NewlyWajibKtp"/>, or <see langword="null"/>.</param>
    /// <param name="sources">Names of the producing offices (no personal data), or <see langword="null"/> for none.</param>
    /// <returns>The partial.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/>, <paramref name="counts"/> or a source name is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a level from Province to Village.</exception>
    /// <exception cref="ArgumentException">A rule in the remarks of <see cref="CoveragePartial"/> is broken; the message names the
    /// offending entry by its position, for example <c>counts[3]: Region 64.71.01.1001 lies outside the scope (64.72).</c></exception>
    public static CoveragePartial Create(
        LocalDate asOf,
        CountingPolicyId policyId,
        RegionLevel level,
        IEnumerable<RegionCode> scope,
        IEnumerable<KeyValuePair<RegionCode, CoverageCounts>> counts,
        DateInterval? newlyWajibKtpInterval = null,
        IEnumerable<string>? sources = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(counts);
        CheckLevel(level, nameof(level));
        var sourceArray = sources is null ? [] : sources.ToArray();
        for (var i = 0; i < sourceArray.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(sourceArray[i], Invariant($"{nameof(sources)}[{i}]"));
        }

        var regions = counts.ToArray();
        return TryBuild(asOf, newlyWajibKtpInterval, policyId, level, [.. scope], [.. regions.Select(r => r.Key)], [.. regions.Select(r => r.Value)], sourceArray, out var error)
            ?? throw new ArgumentException(error.Format(CreateLocation), CreateParameter(error.Part));
    }

    /// <summary>Counts residents into a partial: what a regional office runs over its own residents before reporting upward.</summary>
    /// <param name="residents">The residents living in <paramref name="scope"/>.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="level">The level of the rows (each domicile village is raised to it).</param>
    /// <param name="scope">The regions the partial claims, for example the office's regency.</param>
    /// <param name="eligibilityPolicy">The eligibility policy; <see langword="null"/> for <see cref="KtpEligibilityPolicy.Default"/>.</param>
    /// <param name="mapping">The status mapping; <see langword="null"/> for <see cref="RecordingStatusMapping.Default"/>.</param>
    /// <param name="newlyWajibKtpInterval">The interval for <see cref="CoverageCounts.NewlyWajibKtp"/>, or <see langword="null"/>.</param>
    /// <param name="sources">Names of the producing offices (no personal data), or <see langword="null"/> for none.</param>
    /// <returns>The partial, with the counts of <see cref="ResidentCounter.CountByRegion"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="residents"/>, one of its elements, <paramref name="scope"/> or a source name is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a level from Province to Village.</exception>
    /// <exception cref="ArgumentException">A resident lives outside <paramref name="scope"/> (the message gives the resident's position
    /// and domicile region, never the NIK), or another rule of <see cref="Create"/> is broken.</exception>
    public static CoveragePartial FromResidents(
        IEnumerable<Resident> residents,
        LocalDate asOf,
        RegionLevel level,
        IEnumerable<RegionCode> scope,
        KtpEligibilityPolicy? eligibilityPolicy = null,
        RecordingStatusMapping? mapping = null,
        DateInterval? newlyWajibKtpInterval = null,
        IEnumerable<string>? sources = null)
    {
        ArgumentNullException.ThrowIfNull(residents);
        ArgumentNullException.ThrowIfNull(scope);
        CheckLevel(level, nameof(level));
        RegionCode[] scopeArray = [.. scope];
        var scopeError = SortScope(scopeArray);
        if (scopeError is { } error)
        {
            throw new ArgumentException(error.Format(CreateLocation), nameof(scope));
        }

        // A null resident passes through: CountByRegion reports it with its position.
        var checkedResidents = residents.Select((resident, position) =>
            resident is null || Overlaps(scopeArray, resident.Domicile)
                ? resident!
                : throw new ArgumentException(
                    Invariant($"Resident at position {position} lives in {resident.Domicile}, outside the scope ({FormatScope(scopeArray)})."), nameof(residents)));
        var counts = ResidentCounter.CountByRegion(checkedResidents, asOf, level, eligibilityPolicy, mapping, newlyWajibKtpInterval);
        return Create(asOf, CountingPolicyId.From(eligibilityPolicy, mapping), level, scopeArray, counts, newlyWajibKtpInterval, sources);
    }

    /// <summary>Returns whether another partial has the same settings, scope, rows and sources.</summary>
    /// <param name="other">The other partial, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when both hold the same content.</returns>
    public bool Equals([NotNullWhen(true)] CoveragePartial? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (AsOf == other.AsOf
                && Equals(NewlyWajibKtpInterval, other.NewlyWajibKtpInterval)
                && PolicyId == other.PolicyId
                && Level == other.Level
                && Total == other.Total
                && _scope.AsSpan().SequenceEqual(other._scope)
                && _rows.Regions.SequenceEqual(other._rows.Regions)
                && _rows.Counts.SequenceEqual(other._rows.Counts)
                && _sources.AsSpan().SequenceEqual(other._sources)));

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as CoveragePartial);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(AsOf, PolicyId, Level, _scope.Length, _rows.Count, Total);

    /// <summary>Compares two partials for equal content.</summary>
    /// <param name="left">The first partial, or <see langword="null"/>.</param>
    /// <param name="right">The second partial, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or hold the same content.</returns>
    public static bool operator ==(CoveragePartial? left, CoveragePartial? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two partials for different content.</summary>
    /// <param name="left">The first partial, or <see langword="null"/>.</param>
    /// <param name="right">The second partial, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when exactly one is <see langword="null"/> or their content differs.</returns>
    public static bool operator !=(CoveragePartial? left, CoveragePartial? right) => !(left == right);

    /// <summary>Describes the partial without its counts.</summary>
    /// <returns>For example <c>Coverage partial as of 2024-06-30: 12 Village rows, scope 64.72, from Disdukcapil Kota Samarinda</c>.</returns>
    public override string ToString() => Invariant($"Coverage partial as of {AsOf:uuuu-MM-dd}: {_rows.Count} {Level} rows, {Describe()}");

    /// <summary>Names the scope and sources, for messages that must tell partials apart.</summary>
    private string Describe() =>
        _sources.Length == 0 ? Invariant($"scope {FormatScope(_scope)}") : Invariant($"scope {FormatScope(_scope)}, from {string.Join("; ", _sources)}");

    private static string FormatScope(RegionCode[] scope) =>
        scope.Length <= ScopeCodesShown
            ? string.Join(", ", scope)
            : Invariant($"{string.Join(", ", scope.Take(ScopeCodesShown))} and {scope.Length - ScopeCodesShown} more");

    private static void CheckLevel(RegionLevel level, string paramName)
    {
        if (level is < RegionLevel.Province or > RegionLevel.Village)
        {
            throw new ArgumentOutOfRangeException(paramName, level, "Level should be Province, Regency, District or Village.");
        }
    }
}
