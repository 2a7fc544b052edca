using System.Diagnostics.CodeAnalysis;
using Kependudukan.Coverage.Internals;
using Kependudukan.Regions;

namespace Kependudukan.Coverage;

/// <summary>One row of a <see cref="CoverageReport"/>: a region (or the nation), its counts and every indicator.</summary>
/// <remarks>
/// <para>The national row has no code (<see cref="Code"/> is <see langword="null"/>, <see cref="Level"/> is
/// <see cref="RegionLevel.None"/>): it sums every region of the report, so it is the figure for Indonesia when the counts
/// cover the whole country, and for a one-province report it equals that province's row.</para>
/// <para>Indicators are computed from <see cref="Counts"/>; equality is by code, name and counts.</para>
/// </remarks>
/// <threadsafety>Instances are immutable and safe to share between threads.</threadsafety>
public sealed class CoverageRegionRow : IEquatable<CoverageRegionRow>
{
    internal CoverageRegionRow(RegionCode? code, string? name, CoverageCounts counts)
    {
        Code = code;
        Name = name;
        Counts = counts;
    }

    /// <summary>Gets the region code.</summary>
    /// <value>The code, or <see langword="null"/> for the national row.</value>
    public RegionCode? Code { get; }

    /// <summary>Gets the official region name.</summary>
    /// <value>The name from the report's catalog, or <see langword="null"/> when the report has no catalog, the catalog lacks
    /// the code, or this is the national row.</value>
    public string? Name { get; }

    /// <summary>Gets the level of the region.</summary>
    /// <value>The level of <see cref="Code"/>, or <see cref="RegionLevel.None"/> for the national row.</value>
    public RegionLevel Level => Code?.Level ?? RegionLevel.None;

    /// <summary>Gets a value indicating whether this is the national row.</summary>
    /// <value><see langword="true"/> when <see cref="Code"/> is <see langword="null"/>.</value>
    public bool IsNational => Code is null;

    /// <summary>Gets the code of the parent region.</summary>
    /// <value>The parent code; <see langword="null"/> for a province (its parent is the nation) and for the national row.</value>
    public RegionCode? ParentCode => Code is { Level: > RegionLevel.Province } code ? code.Parent : null;

    /// <summary>Gets the exact counts of the region (the sum of its sub-regions').</summary>
    /// <value>The counts every indicator is computed from.</value>
    public CoverageCounts Counts { get; }

    /// <summary>Gets the number of wajib KTP residents (<see cref="CoverageIndicator.WajibKtp"/>).</summary>
    /// <value>A count.</value>
    public long WajibKtp => Counts.WajibKtp;

    /// <summary>Gets the recording coverage (<see cref="CoverageIndicator.RecordingCoverage"/>).</summary>
    /// <value>Recorded ÷ wajib KTP.</value>
    public CoverageRatio RecordingCoverage => CoverageIndicator.RecordingCoverage.GetRatio(Counts);

    /// <summary>Gets the recording backlog (<see cref="CoverageIndicator.NotRecorded"/>).</summary>
    /// <value>Wajib KTP − recorded.</value>
    public long NotRecorded => Counts.NotRecorded;

    /// <summary>Gets the printing coverage of recorded residents (<see cref="CoverageIndicator.PrintingCoverageOfRecorded"/>).</summary>
    /// <value>Printed ÷ recorded.</value>
    public CoverageRatio PrintingCoverageOfRecorded => CoverageIndicator.PrintingCoverageOfRecorded.GetRatio(Counts);

    /// <summary>Gets the printing coverage of wajib KTP residents (<see cref="CoverageIndicator.PrintingCoverageOfWajibKtp"/>).</summary>
    /// <value>Printed ÷ wajib KTP.</value>
    public CoverageRatio PrintingCoverageOfWajibKtp => CoverageIndicator.PrintingCoverageOfWajibKtp.GetRatio(Counts);

    /// <summary>Gets the birth-certificate coverage of children aged 0 to under 18 (<see cref="CoverageIndicator.BirthCertificateCoverage"/>).</summary>
    /// <value>Children with a birth certificate ÷ children.</value>
    public CoverageRatio BirthCertificateCoverage => CoverageIndicator.BirthCertificateCoverage.GetRatio(Counts);

    /// <summary>Gets the KIA coverage of children under 17 (<see cref="CoverageIndicator.KiaCoverage"/>).</summary>
    /// <value>Children under 17 with a KIA ÷ children under 17.</value>
    public CoverageRatio KiaCoverage => CoverageIndicator.KiaCoverage.GetRatio(Counts);

    /// <summary>Gets the number of wajib KTP pemula (<see cref="CoverageIndicator.NewlyWajibKtp"/>).</summary>
    /// <value>A count; 0 when the report has no interval.</value>
    public long NewlyWajibKtp => Counts.NewlyWajibKtp;

    /// <summary>Returns a ratio indicator of this region.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <returns>The exact ratio.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="indicator"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="indicator"/> is a count.</exception>
    public CoverageRatio GetRatio(CoverageIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.GetRatio(Counts);
    }

    /// <summary>Returns a count indicator of this region.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="indicator"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="indicator"/> is a ratio.</exception>
    public long GetCount(CoverageIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.GetCount(Counts);
    }

    /// <summary>Assesses this region against a target.</summary>
    /// <param name="target">The target.</param>
    /// <returns>The attainment of the target's indicator in this region.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is <see langword="null"/>.</exception>
    public TargetAttainment Assess(CoverageTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Assess(Counts);
    }

    /// <summary>Returns whether an indicator of this row is suppressed under small-cell suppression.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="suppression">The suppression options.</param>
    /// <returns>For a count, whether it is below the threshold; for a ratio, whether its numerator or denominator is.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="indicator"/> is <see langword="null"/>.</exception>
    public bool IsSuppressed(CoverageIndicator indicator, SuppressionOptions suppression)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.Kind == CoverageIndicatorKind.Count
            ? suppression.IsSuppressed(indicator.GetCount(Counts))
            : suppression.IsSuppressed(indicator.GetRatio(Counts));
    }

    /// <summary>Returns the identifiers of the cells of this row that small-cell suppression withholds.</summary>
    /// <param name="suppression">The suppression options.</param>
    /// <returns>Count identifiers (<c>population</c>, <c>recorded</c>, …) then ratio indicator identifiers
    /// (<c>recording_coverage</c>, …), in export schema order; empty when nothing is suppressed.</returns>
    public IReadOnlyList<string> GetSuppressedCells(SuppressionOptions suppression)
    {
        if (suppression.Threshold == 0)
        {
            return [];
        }

        var result = new List<string>();
        foreach (var cell in CoverageCells.Counts)
        {
            if (suppression.IsSuppressed(cell.Get(Counts)))
            {
                result.Add(cell.Id);
            }
        }

        foreach (var indicator in CoverageCells.Ratios)
        {
            if (suppression.IsSuppressed(indicator.GetRatio(Counts)))
            {
                result.Add(indicator.Id);
            }
        }

        return result;
    }

    /// <inheritdoc/>
    public bool Equals([NotNullWhen(true)] CoverageRegionRow? other) =>
        other is not null && Code == other.Code && string.Equals(Name, other.Name, StringComparison.Ordinal) && Counts == other.Counts;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as CoverageRegionRow);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, Counts);

    /// <summary>Describes the row.</summary>
    /// <returns>The code and name, for example <c>"64.72 Kota Samarinda"</c>, or <c>"National"</c> for the national row.</returns>
    public override string ToString() => Code is { } code ? (Name is null ? code.ToString() : code + " " + Name) : "National";
}
