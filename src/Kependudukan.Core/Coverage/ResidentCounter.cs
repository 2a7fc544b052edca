using Kependudukan.Eligibility;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;
using static System.FormattableString;

namespace Kependudukan.Coverage;

/// <summary>Counts residents for the coverage indicators with a plain loop over <see cref="Resident"/> objects: the reference
/// every faster path (the columnar engine) must agree with.</summary>
/// <remarks>
/// <para>Every decision goes through <see cref="KtpEligibilityPolicy"/>. Recording categories come from a
/// <see cref="RecordingStatusMapping"/> and count on the as-of date only when the recording date is unknown or not after it
/// (before its recording date a resident was not yet recorded, print-ready, printed, failed or duplicate).</para>
/// <para>This is meant for thousands to a few million residents; for national scale use the aggregation engine.</para>
/// </remarks>
public static class ResidentCounter
{
    /// <summary>Counts one resident: every field of the result is 0 or 1.</summary>
    /// <param name="resident">The resident.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="policy">The eligibility policy; <see langword="null"/> for <see cref="KtpEligibilityPolicy.Default"/>.</param>
    /// <param name="mapping">The status mapping; <see langword="null"/> for <see cref="RecordingStatusMapping.Default"/>.</param>
    /// <param name="newlyWajibKtpInterval">The interval for <see cref="CoverageCounts.NewlyWajibKtp"/>, or <see langword="null"/> to leave it 0.</param>
    /// <returns>The resident's contribution to its region's counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="resident"/> is <see langword="null"/>.</exception>
    public static CoverageCounts Count(Resident resident, LocalDate asOf, KtpEligibilityPolicy? policy = null, RecordingStatusMapping? mapping = null, DateInterval? newlyWajibKtpInterval = null)
    {
        ArgumentNullException.ThrowIfNull(resident);
        policy ??= KtpEligibilityPolicy.Default;
        mapping ??= RecordingStatusMapping.Default;
        var newly = newlyWajibKtpInterval is not null && policy.BecameWajibKtpWithin(resident, newlyWajibKtpInterval) ? 1 : 0;
        var decision = policy.Evaluate(resident, asOf);
        if (decision.Exclusion is EligibilityExclusion.NotYetBorn or EligibilityExclusion.Deceased or EligibilityExclusion.LivingAbroad)
        {
            return new CoverageCounts { NewlyWajibKtp = newly };
        }

        var age = decision.AgeInYears;
        var wajib = decision.IsWajibKtp;
        var category = resident.RecordingDate is { } recorded && recorded > asOf ? RecordingCategory.NotRecorded : mapping.GetCategory(resident.RecordingStatus);
        var child = age < KtpEligibilityPolicy.ChildAgeLimit;
        var under17 = age < KtpEligibilityPolicy.KiaAgeLimit;
        return new CoverageCounts
        {
            Population = 1,
            WajibKtp = wajib ? 1 : 0,
            WajibKtpByAge = decision.Basis == WajibKtpBasis.Age ? 1 : 0,
            WajibKtpByMarriage = decision.Basis is WajibKtpBasis.Married or WajibKtpBasis.PreviouslyMarried ? 1 : 0,
            Recorded = wajib && RecordingStatusMapping.IsRecorded(category) ? 1 : 0,
            PrintReady = wajib && RecordingStatusMapping.IsPrintReadyOrBeyond(category) ? 1 : 0,
            Printed = wajib && RecordingStatusMapping.IsPrinted(category) ? 1 : 0,
            RecordingFailed = wajib && category == RecordingCategory.Failed ? 1 : 0,
            Duplicates = wajib && category == RecordingCategory.Duplicate ? 1 : 0,
            Children = child ? 1 : 0,
            ChildrenWithBirthCertificate = child && resident.HasBirthCertificate ? 1 : 0,
            ChildrenUnder17 = under17 ? 1 : 0,
            ChildrenUnder17WithKia = under17 && resident.HasKia ? 1 : 0,
            MayRecordEarly = !wajib && decision.Exclusion == EligibilityExclusion.TooYoungNeverMarried && age >= KtpEligibilityPolicy.MinimumRecordingAge ? 1 : 0,
            NewlyWajibKtp = newly,
        };
    }

    /// <summary>Counts residents per region at a level of the hierarchy.</summary>
    /// <param name="residents">The residents.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="level">The level to group by (each resident's domicile village is raised to it).</param>
    /// <param name="policy">The eligibility policy; <see langword="null"/> for <see cref="KtpEligibilityPolicy.Default"/>.</param>
    /// <param name="mapping">The status mapping; <see langword="null"/> for <see cref="RecordingStatusMapping.Default"/>.</param>
    /// <param name="newlyWajibKtpInterval">The interval for <see cref="CoverageCounts.NewlyWajibKtp"/>, or <see langword="null"/>.</param>
    /// <returns>Counts per region that has at least one resident, keyed by the code at <paramref name="level"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="residents"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a defined level other than <c>None</c>.</exception>
    public static IReadOnlyDictionary<RegionCode, CoverageCounts> CountByRegion(
        IEnumerable<Resident> residents,
        LocalDate asOf,
        RegionLevel level,
        KtpEligibilityPolicy? policy = null,
        RecordingStatusMapping? mapping = null,
        DateInterval? newlyWajibKtpInterval = null)
    {
        ArgumentNullException.ThrowIfNull(residents);
        if (level is < RegionLevel.Province or > RegionLevel.Village)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, Invariant($"Level should be Province, Regency, District or Village."));
        }

        var result = new Dictionary<RegionCode, CoverageCounts>();
        var row = 0;
        foreach (var resident in residents)
        {
            if (resident is null)
            {
                throw new ArgumentNullException(nameof(residents), Invariant($"Resident at position {row} is null."));
            }

            var key = resident.Domicile.ToLevel(level);
            result.TryGetValue(key, out var counts);
            result[key] = counts + Count(resident, asOf, policy, mapping, newlyWajibKtpInterval);
            row++;
        }

        return result;
    }
}
