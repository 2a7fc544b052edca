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
