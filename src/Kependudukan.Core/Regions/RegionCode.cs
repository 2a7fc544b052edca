using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using Kependudukan.Utility;
using static System.FormattableString;

namespace Kependudukan.Regions;

/// <summary>A Kemendagri region code (kode wilayah) at province, regency/city, district or village level.</summary>
/// <remarks>
/// <para>The dotted form is <c>PP.KK.CC.DDDD</c> (Permendagri 137/2017): province <c>PP</c> 11-99, regency or city
/// <c>KK</c> 01-99 (01-69 kabupaten, 71-99 kota), district <c>CC</c> 01-99, village <c>DDDD</c> 0001-9999 (first digit 1 =
/// kelurahan, 2 = desa, 3 = desa adat). Codes are parsed from the dotted form or the plain digits (<c>6472011001</c>).</para>
/// <para>A code is only checked for syntax: codes retired by region splits stay valid values. Whether a code exists
/// today is a question for a region catalog.</para>
/// <para>Equality and ordering follow the numeric value of the code padded to ten digits, so a parent sorts before
/// its children. The default value is not a valid code; <see cref="Level"/> returns <see cref="RegionLevel.None"/> for it.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type.</threadsafety>
public readonly struct RegionCode : IEquatable<RegionCode>, IComparable<RegionCode>, IComparable, ISpanFormattable, ISpanParsable<RegionCode>,
    IComparisonOperators<RegionCode, RegionCode, bool>
{
    private const long ProvinceFactor = 100_000_000;
    private const long RegencyFactor = 1_000_000;
    private const long DistrictFactor = 10_000;

    // The code padded to ten digits: PP KK CC DDDD, with zero for the parts below its level.
    private readonly long _value;

    internal RegionCode(long value)
    {
        Preconditions.DebugCheckArgumentRange(nameof(value), value, 11 * ProvinceFactor, 9_999_999_999);
        _value = value;
    }

    /// <summary>Gets the level of this code.</summary>
    /// <value>The level, or <see cref="RegionLevel.None"/> for the default value.</value>
    public RegionLevel Level =>
        _value == 0 ? RegionLevel.None
        : _value % ProvinceFactor == 0 ? RegionLevel.Province
        : _value % RegencyFactor == 0 ? RegionLevel.Regency
        : _value % DistrictFactor == 0 ? RegionLevel.District
        : RegionLevel.Village;

    /// <summary>Gets the two-digit province part.</summary>
    /// <value>The province number, 11-99.</value>
    public int ProvinceNumber => (int)(_value / ProvinceFactor);

    /// <summary>Gets the two-digit regency or city part.</summary>
    /// <value>The regency number 01-99, or 0 for a province code.</value>
    public int RegencyNumber => (int)(_value / RegencyFactor % 100);

    /// <summary>Gets the two-digit district part.</summary>
    /// <value>The district number 01-99, or 0 above district level.</value>
    public int DistrictNumber => (int)(_value / DistrictFactor % 100);

    /// <summary>Gets the four-digit village part.</summary>
    /// <value>The village number 0001-9999, or 0 above village level.</value>
    public int VillageNumber => (int)(_value % DistrictFactor);

    /// <summary>Gets the code as a ten-digit number padded with zeros below its level (<c>6472000000</c> for 64.72).</summary>
    /// <value>The padded numeric value; 0 for the default value.</value>
    public long PaddedValue => _value;

    /// <summary>Gets a value indicating whether this regency-level (or lower) code belongs to a city (kota, <c>KK</c> 71-99).</summary>
    /// <value><see langword="true"/> for a kota or a region inside one; <see langword="false"/> for a kabupaten or a province.</value>
    public bool IsCity => Level >= RegionLevel.Regency && RegencyNumber >= 71;

    /// <summary>Gets the parent code one level up.</summary>
    /// <value>The parent code.</value>
    /// <exception cref="InvalidOperationException">The code is a province (it has no parent) or the default value.</exception>
    public RegionCode Parent => Level switch
    {
        RegionLevel.Regency => new RegionCode(_value / ProvinceFactor * ProvinceFactor),
        RegionLevel.District => new RegionCode(_value / RegencyFactor * RegencyFactor),
        RegionLevel.Village => new RegionCode(_value / DistrictFactor * DistrictFactor),
        _ => throw new InvalidOperationException(Invariant($"A region code at level {Level} has no parent.")),
    };

    /// <summary>Returns the ancestor (or this code itself) at the given level.</summary>
    /// <param name="level">The level wanted; it must not be below this code's level.</param>
    /// <returns>The code at <paramref name="level"/> that contains this code.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is below this code's level or not a valid level.</exception>
    /// <exception cref="InvalidOperationException">This is the default value, which has no level.</exception>
    public RegionCode ToLevel(RegionLevel level)
    {
        var own = Level;
        Preconditions.CheckState(own != RegionLevel.None, "The default region code has no level.");
        if (level < RegionLevel.Province || level > own)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, Invariant($"Level should be in range [Province-{own}] for a code at level {own}."));
        }

        return level switch
        {
            RegionLevel.Province => new RegionCode(_value / ProvinceFactor * ProvinceFactor),
            RegionLevel.Regency => new RegionCode(_value / RegencyFactor * RegencyFactor),
            RegionLevel.District => new RegionCode(_value / DistrictFactor * DistrictFactor),
            _ => this,
        };
    }

    /// <summary>Returns whether this code is <paramref name="other"/> or lies inside it.</summary>
    /// <param name="other">The possibly containing region.</param>
    /// <returns><see langword="true"/> when this code equals <paramref name="other"/> or is one of its descendants.</returns>
    public bool IsWithin(RegionCode other)
    {
        var level = other.Level;
        return level != RegionLevel.None && Level >= level && ToLevel(level) == other;
    }

    /// <summary>Creates a province code.</summary>
    /// <param name="province">The province number, 11-99.</param>
    /// <returns>The province code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A part is out of range.</exception>
    public static RegionCode Province(int province)
    {
        Preconditions.CheckArgumentRange(nameof(province), province, 11, 99);
        return new RegionCode(province * ProvinceFactor);
    }

    /// <summary>Creates a regency or city code.</summary>
    /// <param name="province">The province number, 11-99.</param>
    /// <param name="regency">The regency or city number, 1-99.</param>
    /// <returns>The regency or city code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A part is out of range.</exception>
    public static RegionCode Regency(int province, int regency)
    {
        Preconditions.CheckArgumentRange(nameof(regency), regency, 1, 99);
        return new RegionCode(Province(province)._value + (regency * RegencyFactor));
    }

    /// <summary>Creates a district code.</summary>
    /// <param name="province">The province number, 11-99.</param>
    /// <param name="regency">The regency or city number, 1-99.</param>
    /// <param name="district">The district number, 1-99.</param>
    /// <returns>The district code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A part is out of range.</exception>
    public static RegionCode District(int province, int regency, int district)
    {
        Preconditions.CheckArgumentRange(nameof(district), district, 1, 99);
        return new RegionCode(Regency(province, regency)._value + (district * DistrictFactor));
    }

    /// <summary>Creates a village code.</summary>
    /// <param name="province">The province number, 11-99.</param>
    /// <param name="regency">The regency or city number, 1-99.</param>
    /// <param name="district">The district number, 1-99.</param>
    /// <param name="village">The village number, 1-9999.</param>
    /// <returns>The village code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A part is out of range.</exception>
    public static RegionCode Village(int province, int regency, int district, int village)
    {
        Preconditions.CheckArgumentRange(nameof(village), village, 1, 9999);
        return new RegionCode(District(province, regency, district)._value + village);
    }

    /// <summary>Creates a code from its ten-digit padded value (see <see cref="PaddedValue"/>).</summary>
    /// <param name="paddedValue">The padded value, for example <c>6472011001</c> or <c>6400000000</c>.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a valid padded code.</exception>
    public static RegionCode FromPaddedValue(long paddedValue)
    {
        if (!IsValidPadded(paddedValue))
        {
            throw new ArgumentOutOfRangeException(nameof(paddedValue), paddedValue,
                "Value should be a ten-digit padded region code: province 11-99, then parts that are zero only below the code's level.");
        }

        return new RegionCode(paddedValue);
    }

    /// <summary>Parses a code in dotted (<c>64.72.01.1001</c>) or plain (<c>6472011001</c>) form.</summary>
    /// <param name="s">The text: 2, 4, 6 or 10 digits, optionally with dots between the parts.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a region code; the message says which part is wrong.</exception>
    public static RegionCode Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <summary>Parses a code in dotted or plain form.</summary>
    /// <param name="s">The characters to parse.</param>
    /// <returns>The code.</returns>
    /// <exception cref="FormatException">The text is not a region code; the message says which part is wrong.</exception>
    public static RegionCode Parse(ReadOnlySpan<char> s)
    {
        var error = TryParseCore(s, out var result);
        return error is null ? result : throw new FormatException(error);
    }

    /// <summary>Tries to parse a code in dotted or plain form; never throws.</summary>
    /// <param name="s">The text, or <see langword="null"/>.</param>
    /// <param name="result">The code, or the default value on failure.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a region code.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out RegionCode result)
    {
        if (s is null)
        {
            result = default;
            return false;
        }

        return TryParseCore(s.AsSpan(), out result) is null;
    }

    /// <summary>Tries to parse a code in dotted or plain form; never throws.</summary>
    /// <param name="s">The characters to parse.</param>
    /// <param name="result">The code, or the default value on failure.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a region code.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out RegionCode result) => TryParseCore(s, out result) is null;

    /// <summary>Returns the district code formed by the first six digits of a NIK (<c>PPKKCC</c>).</summary>
    /// <param name="prefix">Six ASCII digits.</param>
    /// <returns>The district code of the place of first registration.</returns>
    /// <exception cref="FormatException">The prefix is not six digits forming a district code.</exception>
    public static RegionCode FromNikPrefix(ReadOnlySpan<char> prefix)
    {
        if (prefix.Length != 6)
        {
            throw new FormatException(Invariant($"A NIK region prefix has 6 digits; got {prefix.Length} characters."));
        }

        return Parse(prefix);
    }

    private static string? TryParseCore(ReadOnlySpan<char> s, out RegionCode result)
    {
        result = default;
        Span<int> parts = stackalloc int[4];
        ReadOnlySpan<int> widths = [2, 2, 2, 4];
        var count = 0;
        var pos = 0;
        var dotted = s.Contains('.');
        while (pos < s.Length)
        {
            if (count == 4)
            {
                return "A region code has at most four parts (PP.KK.CC.DDDD).";
            }

            var width = widths[count];
            if (pos + width > s.Length)
            {
                return Invariant($"Part {count + 1} of the region code should have {width} digits.");
            }

            var value = 0;
            for (var i = 0; i < width; i++)
            {
                var c = s[pos + i];
                if (c is < '0' or > '9')
                {
                    return Invariant($"Expected an ASCII digit at position {pos + i + 1} of the region code.");
                }

                value = (value * 10) + (c - '0');
            }

            parts[count++] = value;
            pos += width;
            if (dotted && pos < s.Length)
            {
                if (s[pos] != '.')
                {
                    return Invariant($"Expected '.' at position {pos + 1} of the region code.");
                }

                pos++;
                if (pos == s.Length)
                {
                    return "A region code must not end with '.'.";
                }
            }
        }

        if (count == 0)
        {
            return "A region code must not be empty.";
        }

        if (parts[0] < 11)
        {
            return "The province part of a region code should be in range [11-99].";
        }

        if (count > 1 && parts[1] == 0)
        {
            return "The regency/city part of a region code should be in range [01-99].";
        }

        if (count > 2 && parts[2] == 0)
        {
            return "The district part of a region code should be in range [01-99].";
        }

        if (count > 3 && parts[3] == 0)
        {
            return "The village part of a region code should be in range [0001-9999].";
        }

        long padded = parts[0] * ProvinceFactor;
        if (count > 1)
        {
            padded += parts[1] * RegencyFactor;
        }

        if (count > 2)
        {
            padded += parts[2] * DistrictFactor;
        }

        if (count > 3)
        {
            padded += parts[3];
        }

        result = new RegionCode(padded);
        return null;
    }

    private static bool IsValidPadded(long v)
    {
        if (v < 11 * ProvinceFactor || v > 9_999_999_999)
        {
            return false;
        }

        var kk = v / RegencyFactor % 100;
        var cc = v / DistrictFactor % 100;
        var dddd = v % DistrictFactor;
        return (kk != 0 || (cc == 0 && dddd == 0)) && (cc != 0 || dddd == 0);
    }

    /// <summary>Formats the code in dotted form (<c>64.72.01.1001</c>).</summary>
    /// <returns>The dotted code, or an empty string for the default value.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats the code.</summary>
    /// <param name="format"><c>null</c>, empty or <c>"D"</c> for the dotted form, <c>"N"</c> for plain digits.</param>
    /// <param name="formatProvider">Ignored; codes are culture-invariant.</param>
    /// <returns>The formatted code, or an empty string for the default value.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not supported.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> buffer = stackalloc char[13];
        return TryFormat(buffer, out var written, format, formatProvider)
            ? new string(buffer[..written])
            : throw new FormatException("Region code formats are \"D\" (dotted) and \"N\" (digits).");
    }

    /// <inheritdoc cref="ISpanFormattable.TryFormat"/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        charsWritten = 0;
        bool dotted;
        if (format.IsEmpty || format is "D")
        {
            dotted = true;
        }
        else if (format is "N")
        {
            dotted = false;
        }
        else
        {
            return false;
        }

        var level = (int)Level;
        var length = level switch { 0 => 0, 1 => 2, 2 => 4, 3 => 6, _ => 10 } + (dotted && level > 1 ? level - 1 : 0);
        if (destination.Length < length)
        {
            return false;
        }

        var pos = 0;
        ReadOnlySpan<int> widths = [2, 2, 2, 4];
        ReadOnlySpan<int> values = [ProvinceNumber, RegencyNumber, DistrictNumber, VillageNumber];
        for (var part = 0; part < level; part++)
        {
            if (dotted && part > 0)
            {
                destination[pos++] = '.';
            }

            var v = values[part];
            for (var i = widths[part] - 1; i >= 0; i--)
            {
                destination[pos + i] = (char)('0' + (v % 10));
                v /= 10;
            }

            pos += widths[part];
        }

        charsWritten = pos;
        return true;
    }

    static RegionCode IParsable<RegionCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<RegionCode>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out RegionCode result) => TryParse(s, out result);

    static RegionCode ISpanParsable<RegionCode>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<RegionCode>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out RegionCode result) => TryParse(s, out result);

    /// <inheritdoc/>
    public bool Equals(RegionCode other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is RegionCode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(RegionCode other) => _value.CompareTo(other._value);

    /// <summary>Implementation of <see cref="IComparable.CompareTo"/>; explicit so it is not called by accident.</summary>
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        RegionCode other => CompareTo(other),
        _ => throw new ArgumentException("Object must be of type RegionCode.", nameof(obj)),
    };

    /// <summary>Compares two codes for equality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when they are the same code.</returns>
    public static bool operator ==(RegionCode left, RegionCode right) => left.Equals(right);

    /// <summary>Compares two codes for inequality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(RegionCode left, RegionCode right) => !left.Equals(right);

    /// <summary>Compares two codes by their padded value.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(RegionCode left, RegionCode right) => left._value < right._value;

    /// <summary>Compares two codes by their padded value.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first or they are equal.</returns>
    public static bool operator <=(RegionCode left, RegionCode right) => left._value <= right._value;

    /// <summary>Compares two codes by their padded value.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(RegionCode left, RegionCode right) => left._value > right._value;

    /// <summary>Compares two codes by their padded value.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last or they are equal.</returns>
    public static bool operator >=(RegionCode left, RegionCode right) => left._value >= right._value;
}
