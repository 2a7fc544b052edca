using Kependudukan.Aggregation.Internals;
using Kependudukan.Identity;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Aggregation;

/// <summary>One resident's column values, passed by value to <see cref="PopulationTableBuilder"/> so loaders can stream
/// millions of rows without allocating a <see cref="Resident"/> per row.</summary>
/// <remarks>The fields mean what the same-named properties of <see cref="Resident"/> mean. <see cref="Nik"/> may be the default
/// value when the source has no NIK. Values are validated when the row is added to a builder, not when it is created.</remarks>
/// <threadsafety>This type is an immutable value type.</threadsafety>
public readonly record struct ResidentRow
{
    /// <summary>Gets the NIK, or the default value when unknown.</summary>
    /// <value>The NIK.</value>
    public Nik Nik { get; init; }

    /// <summary>Gets the village of domicile.</summary>
    /// <value>A village-level code.</value>
    public RegionCode Domicile { get; init; }

    /// <summary>Gets the birth date.</summary>
    /// <value>The birth date.</value>
    public LocalDate BirthDate { get; init; }

    /// <summary>Gets the sex.</summary>
    /// <value>Male or female.</value>
    public Sex Sex { get; init; }

    /// <summary>Gets the citizenship and permit class.</summary>
    /// <value>The citizenship.</value>
    public Citizenship Citizenship { get; init; }

    /// <summary>Gets the ITAP expiry, if any.</summary>
    /// <value>The last valid day, or <see langword="null"/>.</value>
    public LocalDate? PermitExpiry { get; init; }

    /// <summary>Gets the marital status.</summary>
    /// <value>The marital status.</value>
    public MaritalStatus MaritalStatus { get; init; }

    /// <summary>Gets the life status.</summary>
    /// <value>The life status.</value>
    public LifeStatus LifeStatus { get; init; }

    /// <summary>Gets the date of death or of moving abroad.</summary>
    /// <value>The date, or <see langword="null"/>.</value>
    public LocalDate? LifeStatusDate { get; init; }

    /// <summary>Gets the SIAK KTP-el status.</summary>
    /// <value>The status.</value>
    public KtpElStatus RecordingStatus { get; init; }

    /// <summary>Gets the recording date.</summary>
    /// <value>The date, or <see langword="null"/>.</value>
    public LocalDate? RecordingDate { get; init; }

    /// <summary>Gets a value indicating whether the resident holds a birth certificate.</summary>
    /// <value><see langword="true"/> when held.</value>
    public bool HasBirthCertificate { get; init; }

    /// <summary>Gets a value indicating whether the resident holds a KIA.</summary>
    /// <value><see langword="true"/> when held.</value>
    public bool HasKia { get; init; }

    /// <summary>Creates a row from a resident.</summary>
    /// <param name="resident">The resident.</param>
    /// <returns>The row with the same values.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="resident"/> is <see langword="null"/>.</exception>
    public static ResidentRow FromResident(Resident resident)
    {
        ArgumentNullException.ThrowIfNull(resident);
        return new ResidentRow
        {
            Nik = resident.Nik,
            Domicile = resident.Domicile,
            BirthDate = resident.BirthDate,
            Sex = resident.Sex,
            Citizenship = resident.Citizenship,
            PermitExpiry = resident.PermitExpiry,
            MaritalStatus = resident.MaritalStatus,
            LifeStatus = resident.LifeStatus,
            LifeStatusDate = resident.LifeStatusDate,
            RecordingStatus = resident.RecordingStatus,
            RecordingDate = resident.RecordingDate,
            HasBirthCertificate = resident.HasBirthCertificate,
            HasKia = resident.HasKia,
        };
    }

    /// <summary>Decodes a row from the values of the table's columns (see <see cref="PopulationTable"/>).</summary>
    /// <param name="nik">The NIK's number, 0 for none.</param>
    /// <param name="village">The domicile village.</param>
    /// <param name="birth">The birth day number.</param>
    /// <param name="flags">The packed flags.</param>
    /// <param name="recording">The recording day number, or <see cref="DayNumber.Always"/> for none.</param>
    /// <param name="leave">The day of death or of moving abroad, <see cref="DayNumber.Always"/> for a departure without a date.</param>
    /// <param name="permitExpiry">The sparse permit expiry date.</param>
    /// <param name="aliveDate">The sparse date of a living resident's life status.</param>
    internal static ResidentRow FromColumns(long nik, RegionCode village, short birth, ushort flags, short recording, short leave,
        LocalDate? permitExpiry, LocalDate? aliveDate)
    {
        var lifeStatus = RowFlags.GetLifeStatus(flags);
        return new ResidentRow
        {
            Nik = nik == 0 ? default : new Nik(nik),
            Domicile = village,
            BirthDate = DayNumber.ToDate(birth),
            Sex = RowFlags.GetSex(flags),
            Citizenship = RowFlags.GetCitizenship(flags),
            PermitExpiry = permitExpiry,
            MaritalStatus = RowFlags.GetMaritalStatus(flags),
            LifeStatus = lifeStatus,
            LifeStatusDate = lifeStatus == LifeStatus.Alive ? aliveDate : leave == DayNumber.Always ? null : DayNumber.ToDate(leave),
            RecordingStatus = RowFlags.GetStatus(flags),
            RecordingDate = recording == DayNumber.Always ? null : DayNumber.ToDate(recording),
            HasBirthCertificate = RowFlags.HasBirthCertificate(flags),
            HasKia = RowFlags.HasKia(flags),
        };
    }

    /// <summary>Creates a validated <see cref="Resident"/> from this row.</summary>
    /// <returns>The resident.</returns>
    /// <exception cref="ArgumentException">A value is invalid (for example the NIK is unknown or the domicile is not a village).</exception>
    public Resident ToResident() => new()
    {
        Nik = Nik,
        Domicile = Domicile,
        BirthDate = BirthDate,
        Sex = Sex,
        Citizenship = Citizenship,
        PermitExpiry = PermitExpiry,
        MaritalStatus = MaritalStatus,
        LifeStatus = LifeStatus,
        LifeStatusDate = LifeStatusDate,
        RecordingStatus = RecordingStatus,
        RecordingDate = RecordingDate,
        HasBirthCertificate = HasBirthCertificate,
        HasKia = HasKia,
    };
}
