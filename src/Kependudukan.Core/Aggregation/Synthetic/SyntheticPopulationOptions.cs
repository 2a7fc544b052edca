using System.Collections.ObjectModel;
using Kependudukan.Eligibility;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Aggregation.Synthetic;

/// <summary>Describes a synthetic population for <see cref="SyntheticPopulation"/>: its size and regions, its demography, and
/// its civil-registration rates, optionally calibrated to exact regional totals.</summary>
/// <remarks>
/// <para>Only <see cref="AsOf"/> and <see cref="Villages"/> are required, plus either <see cref="Population"/> or
/// <see cref="Calibration"/>; every other property has a documented default that describes Indonesia. Properties are not
/// checked when set: <see cref="Validate"/> (called by every generation method) reports all problems in one message.</para>
/// <para>Ages, wajib KTP, presence and recording are all judged on <see cref="AsOf"/>: residents are aged relative to it,
/// deaths and departures abroad happen on or before it, and recording dates are never after it.</para>
/// <para>Equality is record equality; list and dictionary properties compare by reference.</para>
/// </remarks>
/// <threadsafety>Instances are immutable when their lists are not modified; generation copies what it needs first.</threadsafety>
public sealed partial record SyntheticPopulationOptions
{
    /// <summary>The number of five-year age bands: 0-4, 5-9, …, 70-74, and the open band 75+.</summary>
    public const int AgeBandCount = 16;

    private static readonly ReadOnlyCollection<double> s_indonesia2020AgeBandShares = Array.AsReadOnly(
    [
        7.54, 7.93, 7.86, 8.52, 8.52, 8.31, 8.10, 7.89, 7.58, 6.86, 6.13, 4.98, 3.83, 2.60, 1.60, 1.75,
    ]);

    private static readonly ReadOnlyCollection<double> s_defaultEverMarriedShares = Array.AsReadOnly(
    [
        0, 0, 0, 0.06, 0.35, 0.68, 0.84, 0.90, 0.92, 0.93, 0.94, 0.95, 0.96, 0.96, 0.97, 0.97,
    ]);

    private static readonly ReadOnlyDictionary<KtpElStatus, double> s_defaultRecordedStatusWeights = new(new Dictionary<KtpElStatus, double>
    {
        [KtpElStatus.BioCaptured] = 0.5,
        [KtpElStatus.Processing] = 0.5,
        [KtpElStatus.SentForEnrollment] = 0.5,
        [KtpElStatus.ReceivedAtCentral] = 1.0,
        [KtpElStatus.PrintReadyRecord] = 5.0,
        [KtpElStatus.SentForCardPrinting] = 1.0,
        [KtpElStatus.CardPrinted] = 2.0,
        [KtpElStatus.CardShipped] = 0.5,
        [KtpElStatus.CardIssued] = 89.0,
    });

    private static readonly ReadOnlyDictionary<KtpElStatus, double> s_defaultNotRecordedStatusWeights = new(new Dictionary<KtpElStatus, double>
    {
        [KtpElStatus.Unregistered] = 90.0,
        [KtpElStatus.EnrollFailureAtCentral] = 2.0,
        [KtpElStatus.SearchFailureAtCentral] = 2.0,
        [KtpElStatus.EnrollFailureAtRegional] = 3.0,
        [KtpElStatus.DuplicateRecord] = 3.0,
    });

    /// <summary>Gets the approximate share of each five-year age band in Indonesia's population, in percent (SP2020, the 2020 census).</summary>
    /// <value>Sixteen percentages for 0-4, 5-9, …, 70-74 and 75+, summing to 100: 7.54, 7.93, 7.86, 8.52, 8.52, 8.31, 8.10,
    /// 7.89, 7.58, 6.86, 6.13, 4.98, 3.83, 2.60, 1.60, 1.75.</value>
    /// <remarks>Approximate. BPS, <i>Hasil Sensus Penduduk 2020</i> (Berita Resmi Statistik, 21 January 2021)
    /// publishes the broad groups that these values reproduce exactly: 0-14 years 23.33%, 15-64 years 70.72%, 65+ 5.95%, and
    /// 60+ 9.78%. The split of each group into five-year bands follows the shape of the published SP2020 pyramid (a
    /// slightly narrower base, a bulge from 15 to 29, then a steady narrowing) and is an approximation, not a BPS table.
    /// With these shares about 73% of the population is 17 or older.</remarks>
    public static IReadOnlyList<double> Indonesia2020AgeBandShares => s_indonesia2020AgeBandShares;

    /// <summary>Gets the seed: the same options with the same seed generate the same residents in the same order.</summary>
    /// <value>Any number. The default is 0.</value>
    /// <remarks>Output depends only on the options, never on the number of threads. It is reproducible across machines and
    /// runtimes except for <see cref="RegionSkew"/> weights, which use <see cref="Math.Pow(double, double)"/>.</remarks>
    public long Seed { get; init; }

    /// <summary>Gets the as-of date on which ages, presence, wajib KTP and recording are judged.</summary>
    /// <value>A date in years 1900-9000.</value>
    public required LocalDate AsOf { get; init; }

    /// <summary>Gets the number of residents (rows) to generate, including those who died or moved abroad before <see cref="AsOf"/>.</summary>
    /// <value>0 to <see cref="int.MaxValue"/>; must be 0 when <see cref="Calibration"/> is set (the targets then fix the size).
    /// The default is 0.</value>
    public long Population { get; init; }

    /// <summary>Gets the villages residents live in.</summary>
    /// <value>Distinct village-level codes, in any order; rows are generated village by village in code order.</value>
    public required IReadOnlyList<RegionCode> Villages { get; init; }

    /// <summary>Gets the relative sizes of the villages, or <see langword="null"/> to size them by <see cref="RegionSkew"/>.</summary>
    /// <value>One finite weight ≥ 0 per entry of <see cref="Villages"/>, in the same order, with a positive sum; or
    /// <see langword="null"/>. The default is <see langword="null"/>.</value>
    /// <remarks>Residents are apportioned to villages exactly by the largest-remainder method (ties go to the earlier village).</remarks>
    public IReadOnlyList<double>? VillageWeights { get; init; }

    /// <summary>Gets the Zipf exponent that sizes villages when <see cref="VillageWeights"/> is <see langword="null"/>.</summary>
    /// <value>0 to 10; 0 makes all villages equal. The default is 0.4.</value>
    /// <remarks>Villages are ranked in a random order drawn from the seed, and the village of rank k (from 1) gets weight
    /// k^−s. With s = 0.4 over Indonesia's 83,762 villages and 280 million residents the largest village has about 187,000
    /// residents, the median about 2,650 and the smallest about 2,000: the large towns are realistic, the smallest real
    /// villages (a few hundred residents) are not reproduced.</remarks>
    public double RegionSkew { get; init; } = 0.4;

    /// <summary>Gets the relative size of each five-year age band on the as-of date.</summary>
    /// <value><see cref="AgeBandCount"/> finite weights ≥ 0 (0-4, 5-9, …, 70-74, 75+) with a positive sum. The default is
    /// <see cref="Indonesia2020AgeBandShares"/>.</value>
    /// <remarks>Ages are spread evenly over the single years of a band; the open band 75+ covers 75 to 100 with each year
    /// 0.85 times as large as the one before. Birth dates are spread evenly over the days that give each age.</remarks>
    public IReadOnlyList<double> AgeBandShares { get; init; } = s_indonesia2020AgeBandShares;

    /// <summary>Gets the number of males per 100 females.</summary>
    /// <value>A finite positive number. The default is 102.34 (SP2020: 136,661,899 males, 133,542,018 females).</value>
    /// <remarks>Sex is independent of age.</remarks>
    public double SexRatio { get; init; } = 102.34;

    /// <summary>Gets the share of each five-year age band that is or has been married (married, divorced or widowed).</summary>
    /// <value><see cref="AgeBandCount"/> shares in [0, 1]; the bands 0-4, 5-9 and 10-14 must be 0. The default, approximately
    /// from BPS marital-status tables: 0, 0, 0, 0.06, 0.35, 0.68, 0.84, 0.90, 0.92, 0.93, 0.94, 0.95, 0.96, 0.96, 0.97, 0.97.</value>
    /// <remarks>The 15-19 share applies to ages 17-19; age 16 uses <see cref="MarriedShareAtAge16"/> and ages below 16 are
    /// never married. Among the ever-married, 4% are divorced and the widowed share rises with age (1% under 40, 4% in the
    /// forties, 10% in the fifties, 22% in the sixties, 38% at 70-74, 55% at 75+).</remarks>
    public IReadOnlyList<double> EverMarriedShareByAgeBand { get; init; } = s_defaultEverMarriedShares;

    /// <summary>Gets the share of 16-year-olds who are married, and therefore wajib KTP before 17.</summary>
    /// <value>A share in [0, 1]. The default is 0.01.</value>
    public double MarriedShareAtAge16 { get; init; } = 0.01;

    /// <summary>Gets the share of foreign nationals among residents.</summary>
    /// <value>A share in [0, 1]. The default is 0.0005.</value>
    public double ForeignerShare { get; init; } = 0.0005;

    /// <summary>Gets the share of foreigners holding an ITAP (permanent stay permit); the others hold an ITAS.</summary>
    /// <value>A share in [0, 1]. The default is 0.25.</value>
    /// <remarks>One in six ITAP holders has a permit that expired within the year before the as-of date (not wajib KTP);
    /// the others' permits run up to five years beyond it. ITAS holders have no <see cref="Resident.PermitExpiry"/>.</remarks>
    public double ItapShareOfForeigners { get; init; } = 0.25;

    /// <summary>Gets the share of rows for residents who died before the as-of date.</summary>
    /// <value>A share in [0, 1); with <see cref="MovedAbroadShare"/> below 1. The default is 0.006.</value>
    public double DeceasedShare { get; init; } = 0.006;

    /// <summary>Gets the share of rows for residents who moved abroad before the as-of date.</summary>
    /// <value>A share in [0, 1); with <see cref="DeceasedShare"/> below 1. The default is 0.002.</value>
    public double MovedAbroadShare { get; init; } = 0.002;

    /// <summary>Gets the number of years before the as-of date over which deaths and departures abroad are spread.</summary>
    /// <value>1 to 100. The default is 5.</value>
    public int LifeEventWindowYears { get; init; } = 5;

    /// <summary>Gets the share of wajib KTP residents who are recorded (sudah rekam).</summary>
    /// <value>A share in [0, 1]. The default is 0.95.</value>
    /// <remarks>Never-married 16-year-olds, who may record early, are recorded at half this rate.</remarks>
    public double RecordingRate { get; init; } = 0.95;

    /// <summary>Gets the first possible recording date; recording dates are spread evenly from it (or the 16th birthday) to the as-of date.</summary>
    /// <value>A date not after <see cref="AsOf"/>. The default is 1 August 2011, when mass KTP-el recording began.</value>
    public LocalDate RecordingStart { get; init; } = new(2011, 8, 1);

    /// <summary>Gets the relative frequency of each KTP-el status among recorded residents.</summary>
    /// <value>Weights ≥ 0 with a positive sum, keyed by statuses that <see cref="Mapping"/> counts as recorded. The default
    /// (illustrative): bio-captured 0.5, processing 0.5, sent for enrollment 0.5, received at central 1, print-ready 5,
    /// sent for printing 1, printed 2, shipped 0.5, issued 89.</value>
    public IReadOnlyDictionary<KtpElStatus, double> RecordedStatusWeights { get; init; } = s_defaultRecordedStatusWeights;

    /// <summary>Gets the relative frequency of each KTP-el status among wajib KTP residents who are not recorded.</summary>
    /// <value>Weights ≥ 0 with a positive sum, keyed by statuses that <see cref="Mapping"/> does not count as recorded. The
    /// default (illustrative): unregistered 90, enrolment failure at central 2, search failure at central 2, enrolment
    /// failure at regional 3, duplicate record 3.</value>
    /// <remarks>Failed and duplicate records carry the date of their recording attempt; unregistered residents have none.</remarks>
    public IReadOnlyDictionary<KtpElStatus, double> NotRecordedStatusWeights { get; init; } = s_defaultNotRecordedStatusWeights;

    /// <summary>Gets the share of children (0 to under 18) holding a birth certificate.</summary>
    /// <value>A share in [0, 1]. The default is 0.9. Adults hold one at a fixed rate of 0.7.</value>
    public double BirthCertificateRate { get; init; } = 0.9;

    /// <summary>Gets the share of KIA-eligible children (under 17, never married) with a birth certificate who hold a KIA.</summary>
    /// <value>A share in [0, 1]. The default is 0.4.</value>
    /// <remarks>A KIA is issued against a birth certificate, so children without one never hold a KIA; KIA coverage is
    /// therefore about this rate times <see cref="BirthCertificateRate"/>.</remarks>
    public double KiaRate { get; init; } = 0.4;

    /// <summary>Gets the exact regional totals to reproduce, or <see langword="null"/> for a population drawn from the rates alone.</summary>
    /// <value>Non-overlapping targets such that every village of <see cref="Villages"/> lies in exactly one of them and every
    /// target contains at least one village; or <see langword="null"/>. The default is <see langword="null"/>.</value>
    /// <remarks>With targets the rates above shape who is who, but the five totals of each target are hit exactly. Ages are
    /// drawn from the pyramid separately for children and adults, so a target with more children than the pyramid implies
    /// bends the pyramid; a target with fewer wajib KTP than adults makes the rest foreigners without a KTP-el entitlement.
    /// Deceased and emigrated residents are added on top of each target's population at the rates above.</remarks>
    public IReadOnlyList<CalibrationTarget>? Calibration { get; init; }

    /// <summary>Gets the eligibility policy that defines ages and wajib KTP.</summary>
    /// <value>The default is <see cref="KtpEligibilityPolicy.Default"/>.</value>
    public KtpEligibilityPolicy Policy { get; init; } = KtpEligibilityPolicy.Default;

    /// <summary>Gets the status mapping that defines which statuses count as recorded.</summary>
    /// <value>The default is <see cref="RecordingStatusMapping.Default"/>.</value>
    public RecordingStatusMapping Mapping { get; init; } = RecordingStatusMapping.Default;

    /// <summary>Gets the maximum number of threads <see cref="SyntheticPopulation.Generate"/> uses; the output does not depend on it.</summary>
    /// <value>−1 for one per processor, or 1 or more. The default is −1.</value>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
