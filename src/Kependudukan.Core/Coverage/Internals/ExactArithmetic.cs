using System.Diagnostics;
using System.Numerics;
using static System.FormattableString;

namespace Kependudukan.Coverage.Internals;

/// <summary>Exact integer division rounded to a decimal: the only place coverage figures are divided.</summary>
internal static class ExactArithmetic
{
    private static readonly UInt128 s_decimalLimit = UInt128.One << 96;

    // 10^0 … 10^(MaxDecimals + 2): the scale factors of percentages.
    private static readonly Int128[] s_powersOf10 = PowersOf10(CoverageRatio.MaxDecimals + 2);

    /// <summary>Returns 10^<paramref name="exponent"/> as a big integer.</summary>
    internal static BigInteger Pow10(int exponent) => BigInteger.Pow(10, exponent);

    /// <summary>Returns 10^<paramref name="exponent"/> for 0 ≤ exponent ≤ <see cref="CoverageRatio.MaxDecimals"/> + 2.</summary>
    internal static Int128 Pow10Int128(int exponent) => s_powersOf10[exponent];

    /// <summary>Divides <paramref name="numerator"/> by a positive <paramref name="denominator"/>, rounds the integer quotient
    /// by <paramref name="rounding"/> and returns it divided by 10^<paramref name="scale"/> (keeping <paramref name="scale"/> decimals).</summary>
    /// <exception cref="OverflowException">The result does not fit a <see cref="decimal"/>.</exception>
    internal static decimal DivideToDecimal<T>(T numerator, T denominator, int scale, PercentRounding rounding)
        where T : IBinaryInteger<T>
    {
        Debug.Assert(denominator > T.Zero, "The denominator must be positive.");
        Debug.Assert(scale is >= 0 and <= 28, "A decimal keeps at most 28 decimals.");
        Debug.Assert(rounding is PercentRounding.HalfAwayFromZero or PercentRounding.Truncate, "Rounding is validated by callers.");
        var negative = T.IsNegative(numerator);
        var (quotient, remainder) = T.DivRem(T.Abs(numerator), denominator);

        // 2 × remainder ≥ denominator, written without the doubling that could overflow.
        if (rounding == PercentRounding.HalfAwayFromZero && remainder >= denominator - remainder)
        {
            quotient++;
        }

        return ToDecimal(UInt128.CreateChecked(quotient), negative, scale);
    }

    /// <summary>Returns the smallest integer not below <paramref name="numerator"/> ÷ <paramref name="denominator"/> (both non-negative).</summary>
    internal static BigInteger CeilingDivide(BigInteger numerator, BigInteger denominator)
    {
        Debug.Assert(numerator >= 0 && denominator > 0, "Operands must be non-negative with a positive divisor.");
        return BigInteger.DivRem(numerator, denominator, out var remainder) + (remainder.IsZero ? 0 : 1);
    }

    /// <summary>Splits a decimal into an integer mantissa and its power-of-ten scale: value = mantissa ÷ 10^scale.</summary>
    internal static (BigInteger Mantissa, int Scale) Split(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        return (bits[3] < 0 ? -magnitude : magnitude, scale);
    }

    private static Int128[] PowersOf10(int maxExponent)
    {
        var powers = new Int128[maxExponent + 1];
        powers[0] = Int128.One;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }

    private static decimal ToDecimal(UInt128 magnitude, bool negative, int scale)
    {
        if (magnitude >= s_decimalLimit)
        {
            throw new OverflowException(Invariant($"The result has more than 28 significant digits at {scale} decimals and does not fit a decimal."));
        }

        unchecked
        {
            return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative && magnitude != UInt128.Zero, (byte)scale);
        }
    }
}
