using System.Numerics;
using Kependudukan.Coverage.Internals;
using Kependudukan.Utility;

namespace Kependudukan.Coverage;

/// <summary>How a ratio stands against a coverage target: met or not, by how many percentage points, and how many residents are missing.</summary>
/// <remarks>
/// <para>Every figure is computed from the exact ratio and the exact decimal threshold with integer arithmetic. A ratio
/// without a value (zero denominator) cannot meet a target: <see cref="IsMet"/> is <see langword="false"/> and the gap and
/// missing residents are <see langword="null"/>.</para>
/// </remarks>
/// <threadsafety>Instances are immutable and safe to share between threads.</threadsafety>
public sealed class TargetAttainment
{
    // The threshold as mantissa ÷ 10^scale percent.
    private readonly BigInteger _thresholdMantissa;
    private readonly int _thresholdScale;

    internal TargetAttainment(CoverageTarget target, CoverageRatio ratio)
    {
        ArgumentNullException.ThrowIfNull(target);
        Target = target;
        Ratio = ratio;
        (_thresholdMantissa, _thresholdScale) = ExactArithmetic.Split(target.ThresholdPercent);
        if (ratio.HasValue)
        {
            // numerator / denominator ≥ mantissa / (100 × 10^scale)  ⇔  numerator × 100 × 10^scale ≥ mantissa × denominator.
            var scaledNumerator = (BigInteger)ratio.Numerator * 100 * ExactArithmetic.Pow10(_thresholdScale);
            var required = _thresholdMantissa * ratio.Denominator;
            IsMet = scaledNumerator >= required;
            var needed = ExactArithmetic.CeilingDivide(required, 100 * ExactArithmetic.Pow10(_thresholdScale)) - ratio.Numerator;
            AdditionalResidentsNeeded = (long)BigInteger.Max(needed, BigInteger.Zero);
        }
    }

    /// <summary>Gets the target.</summary>
    /// <value>The target assessed.</value>
    public CoverageTarget Target { get; }

    /// <summary>Gets the ratio assessed.</summary>
    /// <value>The exact ratio of <see cref="CoverageTarget.Indicator"/>.</value>
    public CoverageRatio Ratio { get; }

    /// <summary>Gets a value indicating whether the target is met: the exact ratio is at least the threshold.</summary>
    /// <value><see langword="true"/> when met; <see langword="false"/> when not met or when the ratio has no value.</value>
    public bool IsMet { get; }

    /// <summary>Gets the smallest number of additional covered residents that meets the target, the denominator staying the same.</summary>
    /// <value>0 when met; otherwise the smallest <c>x</c> with (numerator + x) ÷ denominator ≥ threshold; <see langword="null"/>
    /// when the ratio has no value.</value>
    public long? AdditionalResidentsNeeded { get; }

    /// <summary>Gets the gap in percentage points, rounded half away from zero to two decimals.</summary>
    /// <value>The threshold minus the exact percentage: positive when short of the target, zero or negative (the surplus) when
    /// met; <see langword="null"/> when the ratio has no value. A gap that rounds to 0.00 may still be unmet: <see cref="IsMet"/> decides.</value>
    public decimal? GapPercentagePoints => GetGapPercentagePoints();

    /// <summary>Returns the gap in percentage points with chosen decimals and rounding.</summary>
    /// <param name="decimals">The decimals to keep, 0 to <see cref="CoverageRatio.MaxDecimals"/>; the default is 2.</param>
    /// <param name="rounding">How to cut the further decimals (toward zero for <see cref="PercentRounding.Truncate"/>); the default is
    /// <see cref="PercentRounding.HalfAwayFromZero"/>.</param>
    /// <returns>The threshold minus the exact percentage, or <see langword="null"/> when the ratio has no value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside [0-<see cref="CoverageRatio.MaxDecimals"/>], or
    /// <paramref name="rounding"/> is <see cref="PercentRounding.None"/> or undefined.</exception>
    public decimal? GetGapPercentagePoints(int decimals = 2, PercentRounding rounding = PercentRounding.HalfAwayFromZero)
    {
        Preconditions.CheckArgumentRange(nameof(decimals), decimals, 0, CoverageRatio.MaxDecimals);
        CoverageRatio.CheckRounding(rounding, nameof(rounding));
        if (!Ratio.HasValue)
        {
            return null;
        }

        // gap = mantissa / 10^scale − 100 × numerator / denominator = (mantissa × denominator − 100 × 10^scale × numerator) / (10^scale × denominator).
        var scale = ExactArithmetic.Pow10(_thresholdScale);
        var gapNumerator = (_thresholdMantissa * Ratio.Denominator) - ((BigInteger)Ratio.Numerator * 100 * scale);
        return ExactArithmetic.DivideToDecimal(gapNumerator * ExactArithmetic.Pow10(decimals), scale * Ratio.Denominator, decimals, rounding);
    }
}
