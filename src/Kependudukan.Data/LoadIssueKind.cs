namespace Kependudukan.Data;

/// <summary>The kind of problem a load found in its input.</summary>
/// <remarks>
/// <para>The value <see cref="None"/> is the default and never describes an issue. <see cref="MissingHeader"/>,
/// <see cref="MissingColumn"/> and <see cref="DuplicateColumn"/> stop a load before its first row. <see cref="FieldCount"/>,
/// <see cref="MissingValue"/> and <see cref="InvalidValue"/> always reject the row. The remaining kinds are data-quality findings:
/// <see cref="ResidentLoadOptions"/> says for each whether it rejects the row, warns or is not checked.</para>
/// </remarks>
public enum LoadIssueKind
{
    /// <summary>Not set; never describes an issue.</summary>
    None = 0,

    /// <summary>The input is empty: there is no header row (CSV) or no column at all.</summary>
    MissingHeader = 1,

    /// <summary>A required column is absent from the header.</summary>
    MissingColumn = 2,

    /// <summary>A column of the schema appears more than once in the header.</summary>
    DuplicateColumn = 3,

    /// <summary>A CSV row has a different number of fields than the header, for example a truncated last line.</summary>
    FieldCount = 4,

    /// <summary>A required value is empty.</summary>
    MissingValue = 5,

    /// <summary>A value cannot be read as its column's type or code list.</summary>
    InvalidValue = 6,

    /// <summary>A NIK appears in an earlier row of the same load; the earlier row is kept.</summary>
    DuplicateNik = 7,

    /// <summary>The birth date is after the as-of date of the load.</summary>
    BirthAfterAsOf = 8,

    /// <summary>The date of death (or of moving abroad) is before the birth date.</summary>
    DeathBeforeBirth = 9,

    /// <summary>The birth digits of the NIK (<c>DDMMYY</c>, day minus 40 for women) disagree with the recorded birth date.</summary>
    NikBirthDateMismatch = 10,

    /// <summary>The sex encoded in the NIK (day above 40 for women) disagrees with the recorded sex.</summary>
    NikSexMismatch = 11,

    /// <summary>The domicile is a well-formed village code that the region catalog of the load does not contain.</summary>
    UnknownRegion = 12,
}
