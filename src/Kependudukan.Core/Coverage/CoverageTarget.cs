using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Kependudukan.Utility;
using static System.FormattableString;

namespace Kependudukan.Coverage;

/// <summary>A coverage target: a ratio indicator must reach a threshold percentage in a year.</summary>
/// <remarks>
/// <para>The threshold is an exact decimal percentage (77.5 means 77.5%). A region meets the target when its exact ratio is
/// at least the threshold (<see cref="Assess(CoverageRatio)"/>); the comparison uses integers, never floating point.</para>
/// <para>Equality is by indicator, threshold value, year and source; 75 and 75.0 are the same threshold.</para>
/// </remarks>
/// <threadsafety>Instances are immutable and safe to share between threads.</threadsafety>
public sealed class CoverageTarget : IEquatable<CoverageTarget>
{
    /// <summary>Initializes a target.</summary>
    /// <param name="indicator">The ratio indicator the target is about.</param>
    /// <param name="thresholdPercent">The threshold as a percentage, 0 to 100, for example 77.5.</param>
    /// <param name="year">The year the target applies to, 1 to 9999.</param>
    /// <param name="source">Where the target comes from, for example "RPJMN 2015-2019"; <see langword="null"/> when not given.</param>
    /// <exception cref="ArgumentNullException"><paramref name="indicator"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="indicator"/> is a count, not a ratio.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="thresholdPercent"/> is outside [0-100] or <paramref name="year"/> outside [1-9999].</exception>
    public CoverageTarget(CoverageIndicator indicator, decimal thresholdPercent, int year, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        Preconditions.CheckArgument(indicator.Kind == CoverageIndicatorKind.Ratio, nameof(indicator),
            $"A target needs a ratio indicator; {indicator.Id} is a count.");
        if (thresholdPercent is < 0m or > 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(thresholdPercent), thresholdPercent, Invariant($"Value should be a percentage in range [0-100]."));
        }

        Preconditions.CheckArgumentRange(nameof(year), year, 1, 9999);
        Indicator = indicator;
        ThresholdPercent = thresholdPercent;
        Year = year;
        Source = source;
    }

    /// <summary>Gets the indicator the target is about.</summary>
    /// <value>A ratio indicator.</value>
    public CoverageIndicator Indicator { get; }

    /// <summary>Gets the threshold as an exact percentage.</summary>
    /// <value>0 to 100, for example 77.5.</value>
    public decimal ThresholdPercent { get; }

    /// <summary>Gets the year the target applies to.</summary>
    /// <value>A year, 1 to 9999.</value>
    public int Year { get; }

    /// <summary>Gets where the target comes from.</summary>
    /// <value>For example "RPJMN 2015-2019", or <see langword="null"/>.</value>
    public string? Source { get; }

    /// <summary>Assesses a ratio against this target.</summary>
    /// <param name="ratio">The ratio of <see cref="Indicator"/> for one region.</param>
    /// <returns>Whether it is met, the gap and how many more residents must be covered.</returns>
    public TargetAttainment Assess(CoverageRatio ratio) => new(this, ratio);

    /// <summary>Assesses a region's counts against this target.</summary>
    /// <param name="counts">The region's counts.</param>
    /// <returns>The attainment of <see cref="Indicator"/> computed from <paramref name="counts"/>.</returns>
    public TargetAttainment Assess(CoverageCounts counts) => new(this, Indicator.GetRatio(counts));

    /// <inheritdoc/>
    public bool Equals([NotNullWhen(true)] CoverageTarget? other) =>
        other is not null && ReferenceEquals(Indicator, other.Indicator) && ThresholdPercent == other.ThresholdPercent && Year == other.Year
        && string.Equals(Source, other.Source, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as CoverageTarget);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Indicator, ThresholdPercent, Year, Source);

    /// <summary>Describes the target.</summary>
    /// <returns>For example <c>"birth_certificate_coverage >= 75% in 2015 (RPJMN 2015-2019)"</c>, with invariant digits.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Indicator.Id} >= {ThresholdPercent}% in {Year}") + (Source is null ? string.Empty : " (" + Source + ")");
}
