using System.Runtime.Intrinsics;
using Kependudukan.Eligibility;
using Kependudukan.Recording;
using NodaTime;

namespace Kependudukan.Aggregation.Internals;

/// <summary>Everything a scan kernel needs for one as-of date, reduced to 16-bit day numbers and a category lookup.</summary>
/// <remarks>
/// <para>Ages become birth-date thresholds: a resident born on day <c>b</c> is at least <c>k</c> years old on the as-of date
/// exactly when <c>b</c> ≤ the latest birth date whose <c>k</c>-th birthday (under the policy's 29 February rule) is on or
/// before it. The thresholds are found with <see cref="KtpEligibilityPolicy.BirthdayOfAge"/> itself, so the kernels agree
/// with the policy by construction.</para>
/// <para>The category lookup has one byte per <see cref="KtpElStatus"/>: bit 0 recorded, bit 1 print-ready or beyond,
/// bit 2 printed, bit 3 failed, bit 4 duplicate; entry 0 is zero.</para>
/// </remarks>
internal readonly struct ScanParameters
{
    public const int CategoryRecorded = 1;
    public const int CategoryPrintReady = 2;
    public const int CategoryPrinted = 4;
    public const int CategoryFailed = 8;
    public const int CategoryDuplicate = 16;

    // Threshold dates are computed on an as-of date clamped to this window; outside it every threshold is already
    // before or after every storable birth date, so the clamp changes no count.
    private static readonly LocalDate s_earliestQuery = new(1800, 1, 1);
    private static readonly LocalDate s_latestQuery = new(2300, 12, 31);

    /// <summary>Gets the as-of date.</summary>
    public LocalDate AsOfDate { get; init; }

    /// <summary>Gets the last day of the newly-wajib-KTP interval, when one was requested.</summary>
    public LocalDate NewlyEndDate { get; init; }

    /// <summary>Gets the as-of day number (born on or before it; recorded, deceased or moved on or before it).</summary>
    public short AsOf { get; init; }

    /// <summary>Gets the latest birth day of a resident aged 16 or more.</summary>
    public short Born16 { get; init; }

    /// <summary>Gets the latest birth day of a resident aged 17 or more.</summary>
    public short Born17 { get; init; }

    /// <summary>Gets the latest birth day of a resident aged 18 or more.</summary>
    public short Born18 { get; init; }

    /// <summary>Gets a value indicating whether newly-wajib-KTP residents are counted.</summary>
    public bool HasNewly { get; init; }

    /// <summary>Gets the latest birth day of a resident who was 17 the day before the interval (excluded).</summary>
    public short NewlyAfter { get; init; }

    /// <summary>Gets the latest birth day of a resident who is 17 on the last day of the interval.</summary>
    public short NewlyUpTo { get; init; }

    /// <summary>Gets the day number of the last day of the interval (present on it: leave day after it).</summary>
    public short NewlyEnd { get; init; }

    /// <summary>Gets the category lookup indexed by status.</summary>
    public Vector128<byte> CategoryLookup { get; init; }

    /// <summary>Gets the recorded, print-ready and printed bits of <see cref="CategoryLookup"/> as 3-bit fields (bits 0, 3
    /// and 6), so a vector kernel adds all three with one instruction for up to 7 vectors before splitting the fields.</summary>
    public Vector128<byte> PackedRecordedLookup { get; init; }

    /// <summary>Gets the failed and duplicate bits of <see cref="CategoryLookup"/> as 3-bit fields (bits 0 and 3).</summary>
    public Vector128<byte> PackedFailedLookup { get; init; }

    public static ScanParameters Create(KtpEligibilityPolicy policy, RecordingStatusMapping mapping, LocalDate asOf, DateInterval? newlyWajibKtpInterval)
    {
        var newly = newlyWajibKtpInterval is { } interval;
        return new ScanParameters
        {
            AsOfDate = asOf,
            NewlyEndDate = newly ? newlyWajibKtpInterval!.End : default,
            AsOf = DayNumber.Query(asOf),
            Born16 = LatestBirthDay(policy, asOf, KtpEligibilityPolicy.MinimumRecordingAge),
            Born17 = LatestBirthDay(policy, asOf, KtpEligibilityPolicy.WajibKtpAge),
            Born18 = LatestBirthDay(policy, asOf, KtpEligibilityPolicy.ChildAgeLimit),
            HasNewly = newly,
            NewlyAfter = newly ? LatestBirthDay(policy, newlyWajibKtpInterval!.Start.PlusDays(-1), KtpEligibilityPolicy.WajibKtpAge) : DayNumber.Always,
            NewlyUpTo = newly ? LatestBirthDay(policy, newlyWajibKtpInterval!.End, KtpEligibilityPolicy.WajibKtpAge) : DayNumber.Always,
            NewlyEnd = newly ? DayNumber.Query(newlyWajibKtpInterval!.End) : DayNumber.Always,
            CategoryLookup = CreateLookup(mapping),
            PackedRecordedLookup = Pack(CreateLookup(mapping), CategoryRecorded, CategoryPrintReady, CategoryPrinted),
            PackedFailedLookup = Pack(CreateLookup(mapping), CategoryFailed, CategoryDuplicate, 0),
        };
    }

    /// <summary>Returns the day number of the latest birth date whose <paramref name="years"/>-th birthday is on or before
    /// <paramref name="asOf"/>, clamped to the 16-bit range.</summary>
    public static short LatestBirthDay(KtpEligibilityPolicy policy, LocalDate asOf, int years)
    {
        var date = LatestBirthDate(policy, asOf, years);
        return DayNumber.Threshold(date);
    }

    /// <summary>Returns the latest birth date whose <paramref name="years"/>-th birthday is on or before <paramref name="asOf"/>
    /// (for an as-of date far outside the storable range, a date equally far outside it).</summary>
    public static LocalDate LatestBirthDate(KtpEligibilityPolicy policy, LocalDate asOf, int years)
    {
        asOf = asOf < s_earliestQuery ? s_earliestQuery : asOf > s_latestQuery ? s_latestQuery : asOf;

        // Birthdays are monotone in the birth date, so the dates whose birthday is on or before asOf form a prefix;
        // its end lies within a day or two of asOf minus the years.
        var candidate = asOf.PlusYears(-years).PlusDays(3);
        while (policy.BirthdayOfAge(candidate, years) > asOf)
        {
            candidate = candidate.PlusDays(-1);
        }

        return candidate;
    }

    public static Vector128<byte> CreateLookup(RecordingStatusMapping mapping)
    {
        Span<byte> table = stackalloc byte[16];
        table.Clear();
        for (var status = KtpElStatus.Unregistered; status <= KtpElStatus.DuplicateRecord; status++)
        {
            table[(int)status] = CategoryBits(mapping.GetCategory(status));
        }

        return Vector128.Create((ReadOnlySpan<byte>)table);
    }

    private static Vector128<byte> Pack(Vector128<byte> lookup, int first, int second, int third)
    {
        Span<byte> table = stackalloc byte[16];
        for (var i = 0; i < 16; i++)
        {
            var bits = lookup.GetElement(i);
            table[i] = (byte)(((bits & first) != 0 ? 1 : 0) | ((bits & second) != 0 ? 8 : 0) | ((bits & third) != 0 ? 64 : 0));
        }

        return Vector128.Create((ReadOnlySpan<byte>)table);
    }

    public static byte CategoryBits(RecordingCategory category) => (byte)(
        (RecordingStatusMapping.IsRecorded(category) ? CategoryRecorded : 0)
        | (RecordingStatusMapping.IsPrintReadyOrBeyond(category) ? CategoryPrintReady : 0)
        | (RecordingStatusMapping.IsPrinted(category) ? CategoryPrinted : 0)
        | (category == RecordingCategory.Failed ? CategoryFailed : 0)
        | (category == RecordingCategory.Duplicate ? CategoryDuplicate : 0));
}
