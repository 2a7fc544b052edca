using System.Numerics;
using Kependudukan.Regions;
using Kependudukan.Utility;
using NodaTime;

namespace Kependudukan.Identity;

/// <summary>A 16-digit Nomor Induk Kependudukan (NIK): <c>PPKKCC DDMMYY SSSS</c> (PP 37/2007).</summary>
/// <remarks>
/// <para><c>PPKKCC</c> is the district of first registration (never updated, so codes retired by later region splits stay
/// valid), <c>DDMMYY</c> the birth date with 40 added to the day for women, <c>SSSS</c> a serial 0001-9999. The century is
/// not encoded; see <see cref="ResolveBirthDate(LocalDate)"/>.</para>
/// <para>Equality and ordering follow the 16-digit number. The default value is not a valid NIK: it formats as an empty
/// string, sorts before every valid NIK, and its parts are zero (<see cref="Sex"/> is <see cref="Sex.None"/>).</para>
/// <para>A NIK is personal data: log <see cref="ToMaskedString"/> (or format with <c>"M"</c>), never <see cref="ToString()"/>.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type.</threadsafety>
public readonly partial struct Nik : IEquatable<Nik>, IComparable<Nik>, IComparable, ISpanFormattable, ISpanParsable<Nik>,
    IComparisonOperators<Nik, Nik, bool>
{
    private const long YearFactor = 10_000;
    private const long MonthFactor = 1_000_000;
    private const long DayFactor = 100_000_000;
    private const long RegionFactor = 10_000_000_000;
    private const long RegencyFactor = 1_000_000_000_000;
    private const long ProvinceFactor = 100_000_000_000_000;

    private readonly long _value;

    internal Nik(long value)
    {
        Preconditions.DebugCheckArgumentRange(nameof(value), value, 11 * ProvinceFactor, 9_999_999_999_999_999);
        _value = value;
    }

    /// <summary>Gets the 16-digit number.</summary>
    /// <value>The NIK as a number (leading digits are never zero because province codes start at 11); 0 for the default value.</value>
    public long Value => _value;

    /// <summary>Gets the district of first registration (<c>PPKKCC</c>).</summary>
    /// <value>A district-level region code; it may be retired by a later region split and still be valid here. The default
    /// region code for the default NIK.</value>
    public RegionCode RegistrationDistrict => _value == 0 ? default : new(_value / RegionFactor * 10_000);

    /// <summary>Gets the sex encoded in the NIK (a day above 40 means female).</summary>
    /// <value><see cref="Sex.Female"/> or <see cref="Sex.Male"/>; <see cref="Sex.None"/> for the default value.</value>
    public Sex Sex => _value == 0 ? Sex.None : EncodedDay > 40 ? Sex.Female : Sex.Male;

    /// <summary>Gets the encoded day as written (1-31 for men, 41-71 for women).</summary>
    /// <value>The day digits.</value>
    public int EncodedDay => (int)(_value / DayFactor % 100);

    /// <summary>Gets the day of birth (40 already subtracted for women).</summary>
    /// <value>1-31.</value>
    public int BirthDay => DecodeDay(EncodedDay);

    /// <summary>Gets the month of birth.</summary>
    /// <value>1-12.</value>
    public int BirthMonth => (int)(_value / MonthFactor % 100);

    /// <summary>Gets the two-digit year of birth.</summary>
    /// <value>0-99; the century is not encoded.</value>
    public int BirthYearOfCentury => (int)(_value / YearFactor % 100);

    /// <summary>Gets the serial number.</summary>
    /// <value>1-9999.</value>
    public int Serial => (int)(_value % 10_000);

    /// <summary>Resolves the full birth date: the latest valid date with the encoded day, month and two-digit year that is not
    /// after <paramref name="reference"/>.</summary>
    /// <param name="reference">A date known to be on or after the birth, for example the as-of date, the registration date or the
    /// date the NIK was issued. A date in another calendar is converted to the ISO calendar first.</param>
    /// <returns>The birth date, in the ISO calendar.</returns>
    /// <exception cref="InvalidOperationException">This is the default value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The date would be earlier than the earliest date of the ISO calendar.</exception>
    /// <remarks>
    /// <para>With reference 2026-11-27, year <c>05</c> resolves to 2005 and year <c>30</c> to 1930; a birth on the reference
    /// day itself resolves to that day. The result normally lies within the 100 years up to the reference; only 29 February
    /// may go further back, to the latest leap year with those two digits (29 February <c>00</c> with reference 2100-03-01
    /// resolves to 2000-02-29, because 2100 is not a leap year).</para>
    /// <para>A resident's recorded birth date, when known, is better evidence than this; see <see cref="IsConsistentWith"/>.</para>
    /// </remarks>
    public LocalDate ResolveBirthDate(LocalDate reference)
    {
        Preconditions.CheckState(_value != 0, "The default NIK has no birth date.");
        var iso = reference.Calendar == CalendarSystem.Iso ? reference : reference.WithCalendar(CalendarSystem.Iso);
        var (day, month) = (BirthDay, BirthMonth);
        var year = iso.Year - ((((iso.Year - BirthYearOfCentury) % 100) + 100) % 100);

        // A leap day may skip up to three non-leap centuries (2100, 2200, 2300 before 2000), plus one when the candidate in the
        // reference year lies after the reference: five candidates always suffice.
        for (var attempt = 0; attempt < 5 && year >= CalendarSystem.Iso.MinYear; attempt++, year -= 100)
        {
            if (day <= CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                var date = new LocalDate(year, month, day);
                if (date <= iso)
                {
                    return date;
                }
            }
        }

        throw new ArgumentOutOfRangeException(nameof(reference), reference, "No date matching the NIK's birth digits lies within the ISO calendar before the reference date.");
    }

    /// <summary>Checks whether the NIK's birth digits and sex agree with a recorded birth date and sex.</summary>
    /// <param name="birthDate">The recorded birth date (a date in another calendar is converted to the ISO calendar first).</param>
    /// <param name="sex">The recorded sex.</param>
    /// <returns><see langword="true"/> when day, month, two-digit year and sex all match; <see langword="false"/> for the default
    /// NIK or <see cref="Sex.None"/>.</returns>
    public bool IsConsistentWith(LocalDate birthDate, Sex sex)
    {
        var iso = birthDate.Calendar == CalendarSystem.Iso ? birthDate : birthDate.WithCalendar(CalendarSystem.Iso);
        return _value != 0 && sex == Sex && iso.Day == BirthDay && iso.Month == BirthMonth && YearOfCentury(iso.Year) == BirthYearOfCentury;
    }

    /// <summary>Returns the NIK with the birth date and serial masked, safe for logs and error messages.</summary>
    /// <returns>The six-digit district prefix followed by ten asterisks (<c>647201**********</c>), or an empty string for the
    /// default value. The same as formatting with <c>"M"</c>.</returns>
    public string ToMaskedString() => ToString("M", null);

    private static int DecodeDay(int encodedDay) => encodedDay > 40 ? encodedDay - 40 : encodedDay;

    private static int YearOfCentury(int year) => ((year % 100) + 100) % 100;
}
