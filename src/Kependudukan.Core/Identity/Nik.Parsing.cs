using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Kependudukan.Regions;
using Kependudukan.Utility;
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
    /// position, province, regency, district, day, month, a date that does not exist, serial 0000) and never contains the input.</exception>
    /// <remarks>
    /// <para>Only the ASCII digits <c>0</c>-<c>9</c> are accepted: other Unicode digits (Arabic-Indic, full-width) and any
    /// separator are rejected; use <see cref="Parse(string, NikStyles)"/> with <see cref="NikStyles.AllowSeparators"/> for
    /// grouped input.</para>
    /// <para>The day must be 01-31 (men) or 41-71 (women), the month 01-12, and the day must exist in that month.
    /// 29 February is accepted when the two-digit year is divisible by 4, including <c>00</c> (2000 is a leap year, 1900 is
    /// not; the century is not encoded). The region digits are checked for syntax only, so codes retired by region splits
    /// parse; see <see cref="Regions.RegionCatalog.Contains"/>.</para>
    /// </remarks>
    public static Nik Parse(string s) => Parse(s, NikStyles.None);

    /// <summary>Parses a NIK with the given styles.</summary>
    /// <param name="s">The text.</param>
    /// <param name="styles">Whether separators are allowed.</param>
    /// <returns>The NIK.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> has undefined flags.</exception>
    /// <exception cref="FormatException">The text is not a valid NIK; the message names the failing part and never contains the input.</exception>
    /// <remarks>See <see cref="Parse(string)"/> for the rules.</remarks>
    public static Nik Parse(string s, NikStyles styles)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), styles);
    }

    /// <summary>Parses a NIK of exactly 16 ASCII digits from characters.</summary>
    /// <param name="s">The characters.</param>
    /// <returns>The NIK.</returns>
    /// <exception cref="FormatException">The text is not a valid NIK; the message names the failing part and never contains the input.</exception>
    /// <remarks>See <see cref="Parse(string)"/> for the rules.</remarks>
    public static Nik Parse(ReadOnlySpan<char> s) => Parse(s, NikStyles.None);

    /// <summary>Parses a NIK from characters with the given styles.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="styles">Whether separators are allowed.</param>
    /// <returns>The NIK.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> has undefined flags.</exception>
    /// <exception cref="FormatException">The text is not a valid NIK; the message names the failing part and never contains the input.</exception>
    /// <remarks>See <see cref="Parse(string)"/> for the rules.</remarks>
    public static Nik Parse(ReadOnlySpan<char> s, NikStyles styles)
    {
        var error = TryParseCore(s, styles, out var result);
        return error is null ? result : throw new FormatException(error);
    }

    /// <summary>Tries to parse a NIK of exactly 16 ASCII digits; never throws.</summary>
    /// <param name="s">The text, or <see langword="null"/>.</param>
    /// <param name="result">The NIK, or the default value on failure.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid NIK.</returns>
    /// <remarks>See <see cref="Parse(string)"/> for the rules.</remarks>
    public static bool TryParse([NotNullWhen(true)] string? s, out Nik result) => TryParse(s, NikStyles.None, out result);

    /// <summary>Tries to parse a NIK with the given styles; never throws for any text.</summary>
    /// <param name="s">The text, or <see langword="null"/>.</param>
    /// <param name="styles">Whether separators are allowed.</param>
    /// <param name="result">The NIK, or the default value on failure.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid NIK.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> has undefined flags (a programming error, as with
    /// <see cref="System.Globalization.NumberStyles"/>).</exception>
    /// <remarks>See <see cref="Parse(string)"/> for the rules.</remarks>
    public static bool TryParse([NotNullWhen(true)] string? s, NikStyles styles, out Nik result)
    {
        if (s is null)
        {
            result = default;
            return false;
        }

        return TryParseCore(s.AsSpan(), styles, out result) is null;
    }

    /// <summary>Tries to parse a NIK of exactly 16 ASCII digits from characters; never throws.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="result">The NIK, or the default value on failure.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid NIK.</returns>
    /// <remarks>See <see cref="Parse(string)"/> for the rules.</remarks>
    public static bool TryParse(ReadOnlySpan<char> s, out Nik result) => TryParseCore(s, NikStyles.None, out result) is null;

    /// <summary>Tries to parse a NIK from characters with the given styles; never throws for any text.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="styles">Whether separators are allowed.</param>
    /// <param name="result">The NIK, or the default value on failure.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid NIK.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> has undefined flags.</exception>
    /// <remarks>See <see cref="Parse(string)"/> for the rules.</remarks>
    public static bool TryParse(ReadOnlySpan<char> s, NikStyles styles, out Nik result) => TryParseCore(s, styles, out result) is null;

    /// <summary>Creates a NIK from its parts.</summary>
    /// <param name="registrationDistrict">The district of first registration (<c>PPKKCC</c>); it need not exist in a catalog.</param>
    /// <param name="birthDate">The birth date; only its day, month and two-digit year are encoded. A date in another calendar
    /// is converted to the ISO calendar first.</param>
    /// <param name="sex">The sex; women get 40 added to the day.</param>
    /// <param name="serial">The serial, 1-9999.</param>
    /// <returns>The NIK.</returns>
    /// <exception cref="ArgumentException"><paramref name="registrationDistrict"/> is not at district level, or <paramref name="sex"/> is not
    /// <see cref="Sex.Male"/> or <see cref="Sex.Female"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="serial"/> is outside [1-9999].</exception>
    public static Nik Create(RegionCode registrationDistrict, LocalDate birthDate, Sex sex, int serial)
    {
        // Plain checks with the messages in cold helpers: this runs once per resident when populations are generated.
        if (registrationDistrict.Level != RegionLevel.District)
        {
            ThrowNotDistrict(registrationDistrict);
        }

        if (sex is not (Sex.Male or Sex.Female))
        {
            ThrowUndefinedSex(sex);
        }

        Preconditions.CheckArgumentRange(nameof(serial), serial, 1, 9999);
        var date = birthDate.Calendar == CalendarSystem.Iso ? birthDate : birthDate.WithCalendar(CalendarSystem.Iso);
        var day = date.Day + (sex == Sex.Female ? 40 : 0);
        var value = (registrationDistrict.PaddedValue / 10_000 * RegionFactor) + (day * DayFactor) + (date.Month * MonthFactor)
            + (YearOfCentury(date.Year) * YearFactor) + serial;
        return new Nik(value);
    }

    [DoesNotReturn]
    private static void ThrowNotDistrict(RegionCode code) => throw new ArgumentException(
        Invariant($"The registration region of a NIK must be a district (PP.KK.CC); got a code at level {code.Level}."), "registrationDistrict");

    [DoesNotReturn]
    private static void ThrowUndefinedSex(Sex sex) => throw new ArgumentException(Invariant($"Sex must be Male or Female; got {sex}."), nameof(sex));

    private static string? TryParseCore(ReadOnlySpan<char> s, NikStyles styles, out Nik result)
    {
        result = default;
        if ((styles & ~NikStyles.AllowSeparators) != 0)
        {
            ThrowUndefinedStyles(styles);
        }

        long value = 0;
        var digits = 0;
        if ((styles & NikStyles.AllowSeparators) == 0)
        {
            if (s.Length != 16)
            {
                return Invariant($"A NIK has exactly 16 characters; the input has {s.Length}.");
            }

            for (var i = 0; i < 16; i++)
            {
                var c = s[i];
                if (!char.IsAsciiDigit(c))
                {
                    return Invariant($"Expected an ASCII digit at position {i + 1} of the NIK.");
                }

                value = (value * 10) + (c - '0');
            }
        }
        else
        {
            for (var i = 0; i < s.Length; i++)
            {
                var c = s[i];
                if (char.IsAsciiDigit(c))
                {
                    // Count every digit for the message, but stop accumulating after 16 so the value cannot overflow.
                    if (++digits <= 16)
                    {
                        value = (value * 10) + (c - '0');
                    }
                }
                else if (c is not (' ' or '.' or '-'))
                {
                    return Invariant($"Expected an ASCII digit, space, '.' or '-' at position {i + 1} of the NIK.");
                }
            }

            if (digits != 16)
            {
                return Invariant($"A NIK has exactly 16 digits; the input has {digits}.");
            }
        }

        return Validate(value, out result);
    }

    // Checks the parts of a 16-digit number; the messages name the part and never the digits.
    private static string? Validate(long value, out Nik result)
    {
        result = default;
        if (value / ProvinceFactor < 11)
        {
            return "The province part of the NIK (digits 1-2) should be in range [11-99].";
        }

        if (value / RegencyFactor % 100 == 0)
        {
            return "The regency/city part of the NIK (digits 3-4) should be in range [01-99].";
        }

        if (value / RegionFactor % 100 == 0)
        {
            return "The district part of the NIK (digits 5-6) should be in range [01-99].";
        }

        var encodedDay = (int)(value / DayFactor % 100);
        if (encodedDay is 0 or (> 31 and < 41) or > 71)
        {
            return "The day of the NIK (digits 7-8) should be in range [01-31], or [41-71] for women.";
        }

        var month = (int)(value / MonthFactor % 100);
        if (month is 0 or > 12)
        {
            return "The month of the NIK (digits 9-10) should be in range [01-12].";
        }

        var yy = (int)(value / YearFactor % 100);
        if (DecodeDay(encodedDay) > MaxDay(month, yy))
        {
            return month == 2 && yy % 4 != 0
                ? "The birth date of the NIK (digits 7-12) does not exist: 29 February needs a leap year."
                : "The birth date of the NIK (digits 7-12) does not exist: the day is too large for the month.";
        }

        if (value % 10_000 == 0)
        {
            return "The serial of the NIK (digits 13-16) should be in range [0001-9999].";
        }

        result = new Nik(value);
        return null;
    }

    // The largest day a NIK may encode for a month and two-digit year. A two-digit year divisible by 4 has a 29 February in at
    // least one century: 00 stands for 2000 (leap) as well as 1900 (not), so 29 February 00 is accepted and resolves to 2000.
    private static int MaxDay(int month, int yy) => month == 2 ? (yy % 4 == 0 ? 29 : 28) : CalendarSystem.Iso.GetDaysInMonth(2001, month);

    [DoesNotReturn]
    [StackTraceHidden]
    private static void ThrowUndefinedStyles(NikStyles styles) =>
        throw new ArgumentOutOfRangeException(nameof(styles), styles, "Value should be a combination of the defined NikStyles flags.");

    static Nik IParsable<Nik>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Nik>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Nik result) => TryParse(s, out result);

    static Nik ISpanParsable<Nik>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<Nik>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Nik result) => TryParse(s, out result);
}
