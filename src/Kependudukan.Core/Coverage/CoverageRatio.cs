using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using Kependudukan.Coverage.Internals;
using Kependudukan.Utility;
using static System.FormattableString;

namespace Kependudukan.Coverage;

/// <summary>An exact coverage ratio (cakupan): a count of covered residents over a count of residents, kept as two integers.</summary>
/// <remarks>
/// <para>Numerator and denominator are 64-bit counts, 0 or more. A ratio whose denominator is zero has no value
/// (<see cref="HasValue"/> is <see langword="false"/>): it is neither 0% nor 100%, and <see cref="Percent"/> returns
/// <see langword="null"/>. A ratio is never capped: a numerator above the denominator (regional coverage above 100%, for
/// instance residents recording outside their home region) is kept as it is.</para>
/// <para>Division happens only for display, with exact integer arithmetic (<see cref="Percent"/>, <see cref="ToString(string?, IFormatProvider?)"/>).</para>
/// <para>Equality is by the exact pair: 1/2 and 2/4 are not equal, because they describe different populations. Ordering
/// (<see cref="CompareTo(CoverageRatio)"/> and the comparison operators) is by value, by exact cross-multiplication: 1/2 and
/// 2/4 compare as 0 although they are not <see cref="Equals(CoverageRatio)"/>. Ratios without a value sort before every
/// ratio with a value and compare as 0 with each other. Use <see cref="HasSameValue"/> to test equal values.</para>
/// <para>Combining regions: <see cref="Add"/> (and <see cref="Sum"/>) adds numerators and denominators, the ratio of sums
/// used for every roll-up. <see cref="UnweightedMeanPercent"/> is the plain mean of regional percentages, which weighs a
/// small region like a large one; it is offered only for users who ask for it.</para>
/// <para>The default value is 0/0, a ratio without a value.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type.</threadsafety>
public readonly struct CoverageRatio : IEquatable<CoverageRatio>, IComparable<CoverageRatio>, IComparable, IFormattable,
    IComparisonOperators<CoverageRatio, CoverageRatio, bool>
{
    /// <summary>The largest number of decimals <see cref="Percent"/> and the formats accept.</summary>
    public const int MaxDecimals = 10;

    /// <summary>The text <see cref="ToString(string?, IFormatProvider?)"/> writes for a percentage of a ratio without a value.</summary>
    public const string NoValueText = "-";

    private readonly long _numerator;
    private readonly long _denominator;

    /// <summary>Initializes a ratio from exact counts.</summary>
    /// <param name="numerator">The covered residents, 0 or more.</param>
    /// <param name="denominator">The residents the indicator is about, 0 or more; 0 gives a ratio without a value.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numerator"/> or <paramref name="denominator"/> is negative.</exception>
    public CoverageRatio(long numerator, long denominator)
    {
        Preconditions.CheckArgumentRange(nameof(numerator), numerator, 0, long.MaxValue);
        Preconditions.CheckArgumentRange(nameof(denominator), denominator, 0, long.MaxValue);
        _numerator = numerator;
        _denominator = denominator;
    }

    /// <summary>Gets the numerator: the covered residents.</summary>
    /// <value>A count, 0 or more; it may exceed <see cref="Denominator"/>.</value>
    public long Numerator => _numerator;

    /// <summary>Gets the denominator: the residents the indicator is about.</summary>
    /// <value>A count, 0 or more.</value>
    public long Denominator => _denominator;

    /// <summary>Gets a value indicating whether the ratio has a value (a non-zero denominator).</summary>
    /// <value><see langword="false"/> when <see cref="Denominator"/> is 0.</value>
    public bool HasValue => _denominator != 0;

    /// <summary>Returns the ratio as a percentage, computed exactly and cut to a number of decimals.</summary>
    /// <param name="decimals">The decimals to keep, 0 to <see cref="MaxDecimals"/>; the default is 2.</param>
    /// <param name="rounding">How to cut the further decimals; the default is <see cref="PercentRounding.HalfAwayFromZero"/>.</param>
    /// <returns>The percentage with exactly <paramref name="decimals"/> decimals (87.18 for 1,916,099 / 2,197,959), or
    /// <see langword="null"/> when the ratio has no value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside [0-<see cref="MaxDecimals"/>], or
    /// <paramref name="rounding"/> is <see cref="PercentRounding.None"/> or undefined.</exception>
    /// <exception cref="OverflowException">The percentage has more than 28 significant digits (a numerator around 10^15 times the denominator).</exception>
    public decimal? Percent(int decimals = 2, PercentRounding rounding = PercentRounding.HalfAwayFromZero)
    {
        Preconditions.CheckArgumentRange(nameof(decimals), decimals, 0, MaxDecimals);
        CheckRounding(rounding, nameof(rounding));
        return _denominator == 0
            ? null
            : ExactArithmetic.DivideToDecimal((Int128)_numerator * ExactArithmetic.Pow10Int128(decimals + 2), _denominator, decimals, rounding);
    }

    /// <summary>Returns whether two ratios have the same value (1/2 and 2/4 do), or both have none.</summary>
    /// <param name="other">The other ratio.</param>
    /// <returns><see langword="true"/> when <see cref="CompareTo(CoverageRatio)"/> returns 0.</returns>
    public bool HasSameValue(CoverageRatio other) => CompareTo(other) == 0;

    /// <summary>Combines two ratios as a ratio of sums: numerators add and denominators add.</summary>
    /// <param name="left">The first ratio.</param>
    /// <param name="right">The second ratio.</param>
    /// <returns>(left.Numerator + right.Numerator) / (left.Denominator + right.Denominator).</returns>
    /// <exception cref="OverflowException">A sum overflows 64 bits.</exception>
    public static CoverageRatio Add(CoverageRatio left, CoverageRatio right) =>
        new(checked(left._numerator + right._numerator), checked(left._denominator + right._denominator));

    /// <summary>Combines two ratios as a ratio of sums.</summary>
    /// <param name="left">The first ratio.</param>
    /// <param name="right">The second ratio.</param>
    /// <returns>The same as <see cref="Add"/>.</returns>
    /// <exception cref="OverflowException">A sum overflows 64 bits.</exception>
    public static CoverageRatio operator +(CoverageRatio left, CoverageRatio right) => Add(left, right);

    /// <summary>Combines regional ratios as a ratio of sums: the coverage of the union of the regions.</summary>
    /// <param name="ratios">The regional ratios; ratios without a value add nothing but their numerator.</param>
    /// <returns>The sum of numerators over the sum of denominators; 0/0 for an empty sequence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ratios"/> is <see langword="null"/>.</exception>
    /// <exception cref="OverflowException">A sum overflows 64 bits.</exception>
    public static CoverageRatio Sum(IEnumerable<CoverageRatio> ratios)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        var total = default(CoverageRatio);
        foreach (var ratio in ratios)
        {
            total += ratio;
        }

        return total;
    }

    /// <summary>Returns the unweighted mean of regional percentages (each region counts once, whatever its size).</summary>
    /// <param name="ratios">The regional ratios; those without a value are left out.</param>
    /// <param name="decimals">The decimals to keep, 0 to <see cref="MaxDecimals"/>; the default is 2.</param>
    /// <param name="rounding">How to cut the further decimals; the default is <see cref="PercentRounding.HalfAwayFromZero"/>.</param>
    /// <returns>The mean percentage, computed exactly before the final rounding, or <see langword="null"/> when no ratio has a value.</returns>
    /// <remarks>This is <em>not</em> the coverage of the regions together: 1/1 and 0/99 average to 50% while together they cover 1%.
    /// Coverage roll-ups use <see cref="Sum"/>. Use this only when a mean of regional figures is explicitly wanted.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="ratios"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside [0-<see cref="MaxDecimals"/>], or
    /// <paramref name="rounding"/> is <see cref="PercentRounding.None"/> or undefined.</exception>
    /// <exception cref="OverflowException">The mean has more than 28 significant digits.</exception>
    public static decimal? UnweightedMeanPercent(IEnumerable<CoverageRatio> ratios, int decimals = 2, PercentRounding rounding = PercentRounding.HalfAwayFromZero)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        Preconditions.CheckArgumentRange(nameof(decimals), decimals, 0, MaxDecimals);
        CheckRounding(rounding, nameof(rounding));

        // The exact sum p/q of the fractions, kept reduced.
        BigInteger p = BigInteger.Zero, q = BigInteger.One;
        var count = 0;
        foreach (var ratio in ratios)
        {
            if (!ratio.HasValue)
            {
                continue;
            }

            p = (p * ratio._denominator) + (q * ratio._numerator);
            q *= ratio._denominator;
            var gcd = BigInteger.GreatestCommonDivisor(p, q);
            p /= gcd;
            q /= gcd;
            count++;
        }

        return count == 0 ? null : ExactArithmetic.DivideToDecimal(p * ExactArithmetic.Pow10(decimals + 2), q * count, decimals, rounding);
    }

    /// <summary>Formats the ratio with the current culture and the general format (<c>"G"</c>, a percentage with two decimals).</summary>
    /// <returns>For example <c>"87.18"</c> in the invariant culture or <c>"87,18"</c> in <c>id-ID</c>.</returns>
    public override string ToString() => ToString(null, CultureInfo.CurrentCulture);

    /// <summary>Formats the ratio.</summary>
    /// <param name="format">
    /// <list type="bullet">
    /// <item><c>null</c>, empty or <c>"G"</c>: the same as <c>"P2"</c>.</item>
    /// <item><c>"P"</c> or <c>"P</c><em>n</em><c>"</c>: the percentage rounded half away from zero to <em>n</em> decimals (default 2),
    /// with the culture's decimal separator, no group separator and no percent sign: <c>"87,18"</c> in <c>id-ID</c>.</item>
    /// <item><c>"T"</c> or <c>"T</c><em>n</em><c>"</c>: the same, truncated: <c>"87,17"</c>.</item>
    /// <item><c>"F"</c>: the exact fraction in invariant digits, <c>"1916099/2197959"</c>.</item>
    /// </list>
    /// <em>n</em> is 0 to <see cref="MaxDecimals"/>; letters are case-insensitive. A ratio without a value formats as
    /// <see cref="NoValueText"/> in the percentage formats.</param>
    /// <param name="formatProvider">The culture for the decimal separator; <see langword="null"/> for the current culture.</param>
    /// <returns>The formatted ratio.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not one of the formats above.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        if (string.IsNullOrEmpty(format) || format is "G" or "g")
        {
            format = "P2";
        }

        var letter = char.ToUpperInvariant(format[0]);
        if (letter == 'F' && format.Length == 1)
        {
            return Invariant($"{_numerator}/{_denominator}");
        }

        var decimals = 2;
        if ((letter != 'P' && letter != 'T')
            || (format.Length > 1 && (!int.TryParse(format.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out decimals) || decimals > MaxDecimals)))
        {
            throw new FormatException(Invariant($"Coverage ratio formats are \"G\", \"P\" or \"T\" followed by 0-{MaxDecimals} decimals, and \"F\"; got \"{format}\"."));
        }

        var percent = Percent(decimals, letter == 'P' ? PercentRounding.HalfAwayFromZero : PercentRounding.Truncate);
        return percent is { } value
            ? value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), formatProvider ?? CultureInfo.CurrentCulture)
            : NoValueText;
    }

    /// <inheritdoc/>
    public bool Equals(CoverageRatio other) => _numerator == other._numerator && _denominator == other._denominator;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is CoverageRatio other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_numerator, _denominator);

    /// <summary>Compares the values of two ratios exactly; ratios without a value sort first.</summary>
    /// <param name="other">The other ratio.</param>
    /// <returns>Negative, zero or positive as this value is below, equal to or above <paramref name="other"/>'s.</returns>
    public int CompareTo(CoverageRatio other)
    {
        if (_denominator == 0)
        {
            return other._denominator == 0 ? 0 : -1;
        }

        return other._denominator == 0
            ? 1
            : ((Int128)_numerator * other._denominator).CompareTo((Int128)other._numerator * _denominator);
    }

    /// <summary>Implementation of <see cref="IComparable.CompareTo"/>; explicit so it is not called by accident.</summary>
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        CoverageRatio other => CompareTo(other),
        _ => throw new ArgumentException("Object must be of type CoverageRatio.", nameof(obj)),
    };

    /// <summary>Compares two ratios for exact equality of numerator and denominator.</summary>
    /// <param name="left">The first ratio.</param>
    /// <param name="right">The second ratio.</param>
    /// <returns><see langword="true"/> when both numerators and both denominators are equal.</returns>
    public static bool operator ==(CoverageRatio left, CoverageRatio right) => left.Equals(right);

    /// <summary>Compares two ratios for inequality of numerator or denominator.</summary>
    /// <param name="left">The first ratio.</param>
    /// <param name="right">The second ratio.</param>
    /// <returns><see langword="true"/> when a numerator or a denominator differs (even if the values are equal).</returns>
    public static bool operator !=(CoverageRatio left, CoverageRatio right) => !left.Equals(right);

    /// <summary>Compares the values of two ratios.</summary>
    /// <param name="left">The first ratio.</param>
    /// <param name="right">The second ratio.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/>'s value is below <paramref name="right"/>'s.</returns>
    public static bool operator <(CoverageRatio left, CoverageRatio right) => left.CompareTo(right) < 0;

    /// <summary>Compares the values of two ratios.</summary>
    /// <param name="left">The first ratio.</param>
    /// <param name="right">The second ratio.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/>'s value is below or equal to <paramref name="right"/>'s.</returns>
    public static bool operator <=(CoverageRatio left, CoverageRatio right) => left.CompareTo(right) <= 0;

    /// <summary>Compares the values of two ratios.</summary>
    /// <param name="left">The first ratio.</param>
    /// <param name="right">The second ratio.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/>'s value is above <paramref name="right"/>'s.</returns>
    public static bool operator >(CoverageRatio left, CoverageRatio right) => left.CompareTo(right) > 0;

    /// <summary>Compares the values of two ratios.</summary>
    /// <param name="left">The first ratio.</param>
    /// <param name="right">The second ratio.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/>'s value is above or equal to <paramref name="right"/>'s.</returns>
    public static bool operator >=(CoverageRatio left, CoverageRatio right) => left.CompareTo(right) >= 0;

    internal static void CheckRounding(PercentRounding rounding, string paramName) =>
        Preconditions.CheckArgumentRange(paramName, (int)rounding, (int)PercentRounding.HalfAwayFromZero, (int)PercentRounding.Truncate);
}
