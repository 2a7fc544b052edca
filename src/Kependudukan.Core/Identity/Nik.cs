using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Kependudukan.Regions;
using NodaTime;
using static System.FormattableString;

namespace Kependudukan.Identity;

/// <summary>A 16-digit Nomor Induk Kependudukan (NIK): <c>PPKKCC DDMMYY SSSS</c> (PP 37/2007).</summary>
/// <remarks>
/// <para><c>PPKKCC</c> is the district of first registration (never updated, so retired codes stay valid), <c>DDMMYY</c> the
/// birth date with 40 added to the day for women, <c>SSSS</c> a serial 0001-9999. The century is not encoded; see
/// <see cref="ResolveBirthDate(LocalDate)"/>.</para>
/// <para>Equality and ordering follow the 16-digit number. The default value is not a valid NIK and formats as an empty string.</para>
/// <para>A NIK is personal data: log <see cref="ToMaskedString"/>, never <see cref="ToString()"/>.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type.</threadsafety>
public readonly partial struct Nik : IEquatable<Nik>, IComparable<Nik>, IComparable, ISpanFormattable, ISpanParsable<Nik>,
    IComparisonOperators<Nik, Nik, bool>
{
    private const long SerialFactor = 1;
    private const long YearFactor = 10_000;
    private const long MonthFactor = 1_000_000;
    private const long DayFactor = 100_000_000;
    private const long RegionFactor = 10_000_000_000;

    private readonly long _value;

    internal Nik(long value) => _value = value;

    /// <summary>Gets the 16-digit number.</summary>
    /// <value>The NIK as a number (leading digits are never zero because province codes start at 11).</value>
    public long Value => _value;

    /// <summary>Gets the district of first registration (<c>PPKKCC</c>).</summary>
    /// <value>A district-level region code; it may be retired by a later region split and still be valid here.</value>
    public RegionCode RegistrationDistrict => new(_value / RegionFactor * 10_000);

    /// <summary>Gets the sex encoded in the NIK (day above 40 means female).</summary>
    /// <value><see cref="Sex.Female"/> or <see cref="Sex.Male"/>.</value>
    public Sex Sex => EncodedDay > 40 ? Sex.Female : Sex.Male;

    /// <summary>Gets the encoded day as written (1-31 for men, 41-71 for women).</summary>
    /// <value>The day digits.</value>
    public int EncodedDay => (int)(_value / DayFactor % 100);

    /// <summary>Gets the day of birth (40 already subtracted for women).</summary>
    /// <value>1-31.</value>
    public int BirthDay => EncodedDay > 40 ? EncodedDay - 40 : EncodedDay;

    /// <summary>Gets the month of birth.</summary>
    /// <value>1-12.</value>
    public int BirthMonth => (int)(_value / MonthFactor % 100);

    /// <summary>Gets the two-digit year of birth.</summary>
    /// <value>0-99; the century is not encoded.</value>
    public int BirthYearOfCentury => (int)(_value / YearFactor % 100);

    /// <summary>Gets the serial number.</summary>
    /// <value>1-9999.</value>
    public int Serial => (int)(_value / SerialFactor % 10_000);

    /// <summary>Resolves the full birth date: the latest valid date with the encoded day, month and two-digit year that is not after <paramref name="reference"/>.</summary>
    /// <param name="reference">A date known to be on or after the birth (for example the as-of date or the registration date).</param>
    /// <returns>The birth date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such date exists within the 100 years before <paramref name="reference"/> (only for
    /// 29 February with no leap year in range).</exception>
    public LocalDate ResolveBirthDate(LocalDate reference)
    {
        var yy = BirthYearOfCentury;
        var year = reference.Year - ((((reference.Year - yy) % 100) + 100) % 100);
        for (var attempt = 0; attempt < 3; attempt++, year -= 100)
        {
            if (BirthDay <= CalendarSystem.Iso.GetDaysInMonth(year, BirthMonth))
            {
                var date = new LocalDate(year, BirthMonth, BirthDay);
                if (date <= reference)
                {
                    return date;
                }
            }
        }

        throw new ArgumentOutOfRangeException(nameof(reference), reference, "No date matching the NIK's birth digits lies within 200 years before the reference date.");
    }

    /// <summary>Checks whether the NIK's birth digits and sex agree with a recorded birth date and sex.</summary>
    /// <param name="birthDate">The recorded birth date.</param>
    /// <param name="sex">The recorded sex.</param>
    /// <returns><see langword="true"/> when day, month, two-digit year and sex all match.</returns>
    public bool IsConsistentWith(LocalDate birthDate, Sex sex) =>
        birthDate.Day == BirthDay && birthDate.Month == BirthMonth && ((birthDate.Year % 100) + 100) % 100 == BirthYearOfCentury && sex == Sex;

    /// <summary>Returns the NIK with the birth digits and serial masked, safe for logs and error messages (<c>647201******0001</c> becomes <c>647201**********</c>).</summary>
    /// <returns>The district prefix followed by ten asterisks, or an empty string for the default value.</returns>
    public string ToMaskedString() => _value == 0 ? string.Empty : string.Concat(ToString().AsSpan(0, 6), "**********");
}
