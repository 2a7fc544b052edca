using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Kependudukan.Coverage;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Aggregation;

/// <summary>Coverage counts per region at one level on one as-of date: the answer of <see cref="CoverageEngine"/> and
/// <see cref="CoverageIndex"/>.</summary>
/// <remarks>
/// <para>The result holds one entry per region with at least one resident in the table (present on the as-of date or not),
/// keyed by the region code at <see cref="Level"/> and enumerated in code order. It equals what
/// <see cref="ResidentCounter.CountByRegion"/> returns for the same residents, date, level, policy and mapping.</para>
/// </remarks>
/// <threadsafety>Instances are immutable and safe to share between threads.</threadsafety>
public sealed class CoverageResult : IReadOnlyDictionary<RegionCode, CoverageCounts>
{
    private readonly RegionCode[] _codes;
    private readonly CoverageCounts[] _counts;

    internal CoverageResult(LocalDate asOf, RegionLevel level, DateInterval? newlyWajibKtpInterval, RegionCode[] codes, CoverageCounts[] counts)
    {
        AsOf = asOf;
        Level = level;
        NewlyWajibKtpInterval = newlyWajibKtpInterval;
        _codes = codes;
        _counts = counts;
        var total = default(CoverageCounts);
        foreach (var c in counts)
        {
            total += c;
        }

        Total = total;
    }

    /// <summary>Gets the as-of date of the counts.</summary>
    /// <value>The date given to the query.</value>
    public LocalDate AsOf { get; }

    /// <summary>Gets the level of the region codes.</summary>
    /// <value>Province, regency/city, district or village.</value>
    public RegionLevel Level { get; }

    /// <summary>Gets the interval of <see cref="CoverageCounts.NewlyWajibKtp"/>.</summary>
    /// <value>The interval, or <see langword="null"/> when newly wajib KTP residents were not counted.</value>
    public DateInterval? NewlyWajibKtpInterval { get; }

    /// <summary>Gets the counts of all regions added up.</summary>
    /// <value>The field-wise sum.</value>
    public CoverageCounts Total { get; }

    /// <summary>Gets the number of regions.</summary>
    /// <value>The region count.</value>
    public int Count => _codes.Length;

    /// <summary>Gets the region codes in code order.</summary>
    /// <value>The codes.</value>
    public IEnumerable<RegionCode> Keys => Array.AsReadOnly(_codes);

    /// <summary>Gets the counts in region code order.</summary>
    /// <value>The counts.</value>
    public IEnumerable<CoverageCounts> Values => Array.AsReadOnly(_counts);

    /// <summary>Gets the counts of a region.</summary>
    /// <param name="key">The region code at <see cref="Level"/>.</param>
    /// <value>The counts.</value>
    /// <exception cref="KeyNotFoundException">The table has no resident in <paramref name="key"/>.</exception>
    public CoverageCounts this[RegionCode key] =>
        TryGetValue(key, out var counts) ? counts : throw new KeyNotFoundException(FormattableString.Invariant($"No resident lives in region {key}."));

    /// <summary>Returns whether the result has counts for a region.</summary>
    /// <param name="key">The region code.</param>
    /// <returns><see langword="true"/> when the table has a resident in <paramref name="key"/>.</returns>
    public bool ContainsKey(RegionCode key) => Array.BinarySearch(_codes, key) >= 0;

    /// <summary>Gets the counts of a region, if the table has residents in it.</summary>
    /// <param name="key">The region code.</param>
    /// <param name="value">The counts, or all zeros.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetValue(RegionCode key, [MaybeNullWhen(false)] out CoverageCounts value)
    {
        var index = Array.BinarySearch(_codes, key);
        value = index >= 0 ? _counts[index] : default;
        return index >= 0;
    }

    /// <summary>Enumerates the regions and their counts in code order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<KeyValuePair<RegionCode, CoverageCounts>> GetEnumerator()
    {
        for (var i = 0; i < _codes.Length; i++)
        {
            yield return new KeyValuePair<RegionCode, CoverageCounts>(_codes[i], _counts[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
