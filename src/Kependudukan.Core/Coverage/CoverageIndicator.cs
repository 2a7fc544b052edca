using System.Diagnostics.CodeAnalysis;
using Kependudukan.Utility;
using static System.FormattableString;

namespace Kependudukan.Coverage;

/// <summary>A coverage indicator: a stable identifier, English and Indonesian labels, and its exact definition over <see cref="CoverageCounts"/>.</summary>
/// <remarks>
/// <para>The indicators are the fixed set listed in <see cref="All"/>, defined by DOMAIN rule 5 (recording, printing,
/// birth-certificate and KIA coverage) and the counts Dukcapil publishes with them. <see cref="Id"/> values are part of the
/// export schema and never change; labels may be reworded.</para>
/// <para>Each indicator is a pure function of a region's counts, so it rolls up as a ratio of sums when the counts are added.</para>
/// <para>Instances are compared by reference; there is exactly one instance per indicator.</para>
/// </remarks>
/// <threadsafety>Instances are immutable and safe to share between threads.</threadsafety>
public sealed class CoverageIndicator
{
    private readonly Func<CoverageCounts, long> _value;
    private readonly Func<CoverageCounts, long>? _denominator;

    private CoverageIndicator(string id, string englishLabel, string indonesianLabel, Func<CoverageCounts, long> value, Func<CoverageCounts, long>? denominator = null)
    {
        Id = id;
        EnglishLabel = englishLabel;
        IndonesianLabel = indonesianLabel;
        _value = value;
        _denominator = denominator;
    }

    /// <summary>Gets the number of wajib KTP residents.</summary>
    /// <value>Id <c>wajib_ktp</c>: <see cref="CoverageCounts.WajibKtp"/>, the residents present on the as-of date (born, alive,
    /// not living abroad) who are WNI or hold a valid ITAP (not an ITAS) and are 17 or older, or are married, or were married
    /// (UU 23/2006 as amended by UU 24/2013, Pasal 63(1)), as decided by the eligibility policy.</value>
    public static CoverageIndicator WajibKtp { get; } = new("wajib_ktp", "Wajib KTP residents", "Jumlah wajib KTP", c => c.WajibKtp);

    /// <summary>Gets the KTP-el recording coverage.</summary>
    /// <value>Id <c>recording_coverage</c>: <see cref="CoverageCounts.Recorded"/> ÷ <see cref="CoverageCounts.WajibKtp"/>, the
    /// wajib KTP residents whose biometrics are recorded on the as-of date (status mapped to a recorded category, recording
    /// date unknown or not after the as-of date) over the wajib KTP residents.</value>
    public static CoverageIndicator RecordingCoverage { get; } =
        new("recording_coverage", "KTP-el recording coverage", "Cakupan perekaman KTP-el", c => c.Recorded, c => c.WajibKtp);

    /// <summary>Gets the recording backlog: wajib KTP residents not yet recorded.</summary>
    /// <value>Id <c>not_recorded</c>: <see cref="CoverageCounts.NotRecorded"/> = <see cref="CoverageCounts.WajibKtp"/> −
    /// <see cref="CoverageCounts.Recorded"/> (belum rekam). It includes residents whose recording failed or is a duplicate; it is
    /// negative only for counts reported with more recorded residents than wajib KTP residents.</value>
    public static CoverageIndicator NotRecorded { get; } =
        new("not_recorded", "Wajib KTP not yet recorded (backlog)", "Wajib KTP belum rekam", c => c.NotRecorded);

    /// <summary>Gets the KTP-el printing coverage among recorded residents.</summary>
    /// <value>Id <c>printing_coverage_of_recorded</c>: <see cref="CoverageCounts.Printed"/> ÷ <see cref="CoverageCounts.Recorded"/>,
    /// the wajib KTP residents whose card is printed, shipped or issued over the recorded wajib KTP residents.</value>
    public static CoverageIndicator PrintingCoverageOfRecorded { get; } =
        new("printing_coverage_of_recorded", "KTP-el printing coverage of recorded residents", "Cakupan pencetakan KTP-el terhadap sudah rekam", c => c.Printed, c => c.Recorded);

    /// <summary>Gets the KTP-el printing coverage among wajib KTP residents.</summary>
    /// <value>Id <c>printing_coverage_of_wajib_ktp</c>: <see cref="CoverageCounts.Printed"/> ÷ <see cref="CoverageCounts.WajibKtp"/>,
    /// the wajib KTP residents whose card is printed, shipped or issued over all wajib KTP residents.</value>
    public static CoverageIndicator PrintingCoverageOfWajibKtp { get; } =
        new("printing_coverage_of_wajib_ktp", "KTP-el printing coverage of wajib KTP residents", "Cakupan pencetakan KTP-el terhadap wajib KTP", c => c.Printed, c => c.WajibKtp);

    /// <summary>Gets the birth-certificate coverage of children aged 0 to under 18.</summary>
    /// <value>Id <c>birth_certificate_coverage</c>: <see cref="CoverageCounts.ChildrenWithBirthCertificate"/> ÷
    /// <see cref="CoverageCounts.Children"/>, the residents present on the as-of date aged 0 to under 18 in completed years
    /// holding an akta kelahiran over all of them. A resident whose 18th birthday is the as-of date is not a child.</value>
    public static CoverageIndicator BirthCertificateCoverage { get; } =
        new("birth_certificate_coverage", "Birth-certificate coverage of children aged 0-17", "Cakupan kepemilikan akta kelahiran anak 0-17 tahun",
            c => c.ChildrenWithBirthCertificate, c => c.Children);

    /// <summary>Gets the child identity card (KIA) coverage of children under 17.</summary>
    /// <value>Id <c>kia_coverage</c>: <see cref="CoverageCounts.ChildrenUnder17WithKia"/> ÷ <see cref="CoverageCounts.ChildrenUnder17"/>,
    /// the residents present on the as-of date under 17 in completed years holding a KIA over all of them. A resident whose
    /// 17th birthday is the as-of date is not counted.</value>
    public static CoverageIndicator KiaCoverage { get; } =
        new("kia_coverage", "KIA coverage of children under 17", "Cakupan kepemilikan KIA anak di bawah 17 tahun", c => c.ChildrenUnder17WithKia, c => c.ChildrenUnder17);

    /// <summary>Gets the number of wajib KTP pemula: residents who became wajib KTP within a date interval.</summary>
    /// <value>Id <c>newly_wajib_ktp</c>: <see cref="CoverageCounts.NewlyWajibKtp"/>, the residents whose 17th birthday falls within
    /// the interval (both ends inclusive) and who are wajib KTP at its end; 0 when the counts were made without an interval.
    /// Married minors are counted by their 17th birthday only, since the registry holds no marriage date.</value>
    public static CoverageIndicator NewlyWajibKtp { get; } =
        new("newly_wajib_ktp", "New wajib KTP (pemula)", "Wajib KTP pemula", c => c.NewlyWajibKtp);

    /// <summary>Gets every indicator, in the order of the export schema.</summary>
    /// <value><see cref="WajibKtp"/>, <see cref="RecordingCoverage"/>, <see cref="NotRecorded"/>, <see cref="PrintingCoverageOfRecorded"/>,
    /// <see cref="PrintingCoverageOfWajibKtp"/>, <see cref="BirthCertificateCoverage"/>, <see cref="KiaCoverage"/>, <see cref="NewlyWajibKtp"/>.</value>
    public static IReadOnlyList<CoverageIndicator> All { get; } =
        [WajibKtp, RecordingCoverage, NotRecorded, PrintingCoverageOfRecorded, PrintingCoverageOfWajibKtp, BirthCertificateCoverage, KiaCoverage, NewlyWajibKtp];

    /// <summary>Gets the stable identifier.</summary>
    /// <value>Lower-case snake case, for example <c>recording_coverage</c>; used as a key in exports.</value>
    public string Id { get; }

    /// <summary>Gets the English label.</summary>
    /// <value>A short label for tables and charts.</value>
    public string EnglishLabel { get; }

    /// <summary>Gets the Indonesian label.</summary>
    /// <value>A short label in Bahasa Indonesia, as Dukcapil reports word it.</value>
    public string IndonesianLabel { get; }

    /// <summary>Gets whether the indicator is a count or a ratio.</summary>
    /// <value><see cref="CoverageIndicatorKind.Count"/> or <see cref="CoverageIndicatorKind.Ratio"/>.</value>
    public CoverageIndicatorKind Kind => _denominator is null ? CoverageIndicatorKind.Count : CoverageIndicatorKind.Ratio;

    /// <summary>Returns the label in a language.</summary>
    /// <param name="language">The language.</param>
    /// <returns><see cref="EnglishLabel"/> or <see cref="IndonesianLabel"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is <see cref="LabelLanguage.None"/> or undefined.</exception>
    public string GetLabel(LabelLanguage language)
    {
        Preconditions.CheckArgumentRange(nameof(language), (int)language, (int)LabelLanguage.English, (int)LabelLanguage.Indonesian);
        return language == LabelLanguage.English ? EnglishLabel : IndonesianLabel;
    }

    /// <summary>Computes a ratio indicator from a region's counts.</summary>
    /// <param name="counts">The region's counts.</param>
    /// <returns>The exact ratio; it has no value when its denominator count is 0.</returns>
    /// <exception cref="InvalidOperationException">This indicator is a count (<see cref="Kind"/> is <see cref="CoverageIndicatorKind.Count"/>).</exception>
    public CoverageRatio GetRatio(CoverageCounts counts) =>
        _denominator is { } denominator
            ? new CoverageRatio(_value(counts), denominator(counts))
            : throw new InvalidOperationException(Invariant($"Indicator {Id} is a count, not a ratio; use GetCount."));

    /// <summary>Computes a count indicator from a region's counts.</summary>
    /// <param name="counts">The region's counts.</param>
    /// <returns>The count.</returns>
    /// <exception cref="InvalidOperationException">This indicator is a ratio (<see cref="Kind"/> is <see cref="CoverageIndicatorKind.Ratio"/>).</exception>
    public long GetCount(CoverageCounts counts) =>
        _denominator is null ? _value(counts) : throw new InvalidOperationException(Invariant($"Indicator {Id} is a ratio, not a count; use GetRatio."));

    /// <summary>Finds an indicator by its identifier.</summary>
    /// <param name="id">The identifier, for example <c>birth_certificate_coverage</c> (case-sensitive).</param>
    /// <param name="indicator">The indicator, or <see langword="null"/> when none has this identifier.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public static bool TryFromId([NotNullWhen(true)] string? id, [NotNullWhen(true)] out CoverageIndicator? indicator)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Id, id, StringComparison.Ordinal))
            {
                indicator = candidate;
                return true;
            }
        }

        indicator = null;
        return false;
    }

    /// <summary>Returns an indicator by its identifier.</summary>
    /// <param name="id">The identifier (case-sensitive).</param>
    /// <returns>The indicator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No indicator has this identifier.</exception>
    public static CoverageIndicator FromId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return TryFromId(id, out var indicator)
            ? indicator
            : throw new ArgumentException(Invariant($"Unknown coverage indicator id \"{id}\"; known ids are {string.Join(", ", All.Select(i => i.Id))}."), nameof(id));
    }

    /// <summary>Returns the identifier.</summary>
    /// <returns><see cref="Id"/>.</returns>
    public override string ToString() => Id;
}
