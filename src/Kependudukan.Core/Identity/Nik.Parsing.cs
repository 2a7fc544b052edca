using System.Diagnostics.CodeAnalysis;
using NodaTime;
using static System.FormattableString;

namespace Kependudukan.Identity;

public readonly partial struct Nik
{
    /// <summary>Parses a NIK of exactly 16 ASCII digits.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The NIK.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a valid NIK. The message names the failing part (length, non-digit at a
    /// position, day, month, a date that does not exist, serial 0000) and never contains the input.</exception>
    public static Nik Parse(string s) => Parse(s, NikStyles.None);

    /// <summary>Parses a NIK with the given styles.</summary>
    /// <param name="s">The text.</param>
    /// <param name="styles">Whether separators are allowed.</param>
    /// <returns>The NIK.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a valid NIK; the message names the failing part and never contains the input.</exception>
    public static Nik Parse(string s, NikStyles styles)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), styles);
    }

    /// <summary>Parses a NIK of exactly 16 ASCII digits from characters.</summary>
    /// <param name="s">The characters.</param>
    /// <returns>The NIK.</returns>
    /// <exception cref="FormatException">The text is not a valid NIK; the message names the failing part and never contains the input.</exception>
    public static Nik Parse(ReadOnlySpan<char> s) => Parse(s, NikStyles.None);

    /// <summary>Parses a NIK from characters with the given styles.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="styles">Whether separators are allowed.</param>
    /// <returns>The NIK.</returns>
    /// <exception cref="FormatException">The text is not a valid NIK; the message names the failing part and never contains the input.</exception>
    public static Nik Parse(ReadOnlySpan<char> s, NikStyles styles)
    {
        var error = TryParseCore(s, styles, out var result);
        return error is null ? result : throw new FormatException(error);
    }

    /// <summary>Tries to parse a NIK of exactly 16 ASCII digits; never throws.</summary>
    /// <param name="s">The text, or <see langword="null"/>.</param>
    /// <param name="result">The NIK, or the default value on failure.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid NIK.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out Nik result) => TryParse(s, NikStyles.None, out result);

    /// <summary>Tries to parse a NIK with the given styles; never throws.</summary>
    /// <param name="s">The text, or <see langword="null"/>.</param>
    /// <param name="styles">Whether separators are allowed.</param>
    /// <param name="result">The NIK, or the default value on failure.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid NIK.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, NikStyles styles, out Nik result)
    {
        if (s is null)
        {
            result = default;
            return false;
        }

        return TryParseCore(s.AsSpan(), styles, out result) is null;
    }

    /// <summary>Tries to parse a NIK from characters; never throws.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="styles">Whether separators are allowed.</param>
    /// <param name="result">The NIK, or the default value on failure.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid NIK.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, NikStyles styles, out Nik result) => TryParseCore(s, styles, out result) is null;

    /// <summary>Creates a NIK from its parts.</summary>
    /// <param name="registrationDistrict">The district of first registration (<c>PPKKCC</c>).</param>
    /// <param name="birthDate">The birth date (its two-digit year is encoded).</param>
    /// <param name="sex">The sex; women get 40 added to the day.</param>
    /// <param name="serial">The serial, 1-9999.</param>
    /// <returns>The NIK.</returns>
    /// <exception cref="ArgumentException"><paramref name="registrationDistrict"/> is not at district level, or <paramref name="sex"/> is not set.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="serial"/> is outside [1-9999].</exception>
    public static Nik Create(Regions.RegionCode registrationDistrict, LocalDate birthDate, Sex sex, int serial)
    {
        if (registrationDistrict.Level != Regions.RegionLevel.District)
        {
            throw new ArgumentException("The registration region of a NIK must be a district (PP.KK.CC).", nameof(registrationDistrict));
        }

        if (sex is not (Sex.Male or Sex.Female))
        {
            throw new ArgumentException("Sex must be Male or Female.", nameof(sex));
        }

        Utility.Preconditions.CheckArgumentRange(nameof(serial), serial, 1, 9999);
        var day = birthDate.Day + (sex == Sex.Female ? 40 : 0);
        var yy = ((birthDate.Year % 100) + 100) % 100;
        var value = (registrationDistrict.PaddedValue / 10_000 * RegionFactor) + (day * DayFactor) + (birthDate.Month * MonthFactor) + (yy * YearFactor) + serial;
        return new Nik(value);
    }

    private static string? TryParseCore(ReadOnlySpan<char> s, NikStyles styles, out Nik result)
    {
        result = default;
        var allowSeparators = (styles & NikStyles.AllowSeparators) != 0;
        long value = 0;
        var digits = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is >= '0' and <= '9')
            {
                if (digits == 16)
                {
                    return "A NIK has exactly 16 digits; the input has more.";
                }

                value = (value * 10) + (c - '0');
                digits++;
            }
            else if (allowSeparators && c is ' ' or '.' or '-')
            {
                continue;
            }
            else
            {
                return allowSeparators
                    ? Invariant($"Expected an ASCII digit, space, '.' or '-' at position {i + 1} of the NIK.")
                    : s.Length != 16
                        ? Invariant($"A NIK has exactly 16 characters; the input has {s.Length}.")
                        : Invariant($"Expected an ASCII digit at position {i + 1} of the NIK.");
            }
        }

        if (digits != 16)
        {
            return Invariant($"A NIK has exactly 16 digits; the input has {digits}.");
        }

        var province = value / 100_000_000_000_000;
        var regency = value / 1_000_000_000_000 % 100;
        var district = value / RegionFactor % 100;
        if (province < 11)
        {
            return "The province part of the NIK (digits 1-2) should be in range [11-99].";
        }

        if (regency == 0)
        {
            return "The regency/city part of the NIK (digits 3-4) should be in range [01-99].";
        }

        if (district == 0)
        {
            return "The district part of the NIK (digits 5-6) should be in range [01-99].";
        }

        var encodedDay = (int)(value / DayFactor % 100);
        var month = (int)(value / MonthFactor % 100);
        var yy = (int)(value / YearFactor % 100);
        var serial = (int)(value % 10_000);
        if (encodedDay is 0 or (> 31 and < 41) or > 71)
        {
            return "The day of the NIK (digits 7-8) should be 01-31, or 41-71 for women.";
        }

        if (month is 0 or > 12)
        {
            return "The month of the NIK (digits 9-10) should be in range [01-12].";
        }

        var day = encodedDay > 40 ? encodedDay - 40 : encodedDay;
        // 29 February needs a leap year; the two-digit year 00 stands for 2000 (leap) or 1900 (not), so accept it.
        var maxDay = month == 2 ? (yy % 4 == 0 ? 29 : 28) : CalendarSystem.Iso.GetDaysInMonth(2001, month);
        if (day > maxDay)
        {
            return "The birth date of the NIK (digits 7-12) does not exist: day too large for the month and year.";
        }

        if (serial == 0)
        {
            return "The serial of the NIK (digits 13-16) should be in range [0001-9999].";
        }

        result = new Nik(value);
        return null;
    }

    static Nik IParsable<Nik>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Nik>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Nik result) => TryParse(s, out result);

    static Nik ISpanParsable<Nik>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<Nik>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Nik result) => TryParse(s, NikStyles.None, out result);
}
