using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Aggregation.Internals;

/// <summary>One resident's values already in the form of the builder's columns, for loaders of the Kependudukan.Data package
/// that parse text straight into it (see <see cref="PopulationTableBuilder.AddEncoded"/>).</summary>
/// <remarks>The loader guarantees what <see cref="PopulationTableBuilder.Add(in ResidentRow)"/> would check: a village
/// domicile, flags packed from defined enum values (<see cref="RowFlags.Pack(Recording.KtpElStatus, bool, bool, Sex, Citizenship, MaritalStatus, LifeStatus)"/>),
/// day numbers of storable dates (or the sentinels the columns use), ISO dates.</remarks>
internal struct EncodedRow
{
    /// <summary>Gets the version of this form (the fields, the day numbers, the flag bits) and of the builder's internal members
    /// a loader calls with it (<c>AddEncoded</c>; from version 2 <c>FindRepeatedNiksBeforeBuild</c>). A loader built against
    /// another version must use neither: change it whenever any of them changes. A property, not a constant, so a loader reads
    /// the value of the core assembly it runs with.</summary>
    public static int FormatVersion { get; } = 2;

    /// <summary>The NIK's value, or 0 for none.</summary>
    public long Nik;

    /// <summary>The domicile, a village.</summary>
    public RegionCode Domicile;

    /// <summary>The birth date's day number.</summary>
    public short Birth;

    /// <summary>The recording date's day number, or <see cref="DayNumber.Always"/> when unknown.</summary>
    public short Recording;

    /// <summary>The day the resident left (see <see cref="DayNumber.LeaveDay"/>).</summary>
    public short Leave;

    /// <summary>The packed flags.</summary>
    public ushort Flags;

    /// <summary>The permit expiry, if any.</summary>
    public LocalDate? PermitExpiry;

    /// <summary>The life-status date of a living resident, if any (a date of death or of moving abroad is in <see cref="Leave"/>).</summary>
    public LocalDate? AliveDate;
}
