using System.Text;
using Kependudukan.Identity;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;
using static System.FormattableString;

namespace Kependudukan;

/// <summary>A resident (penduduk) as the civil registry records them: the input to every rule of this library.</summary>
/// <remarks>
/// <para>Each property validates its own value when set (enums must not be <c>None</c>, the domicile must be a village code),
/// so <c>with</c> expressions cannot produce an invalid resident.</para>
/// <para>Dates that a property leaves <see langword="null"/> are unknown: a <see cref="LifeStatus.Deceased"/> or
/// <see cref="LifeStatus.MovedAbroad"/> resident without <see cref="LifeStatusDate"/> is treated as deceased or abroad on
/// every date; a recorded resident without <see cref="RecordingDate"/> as recorded on every date; an ITAP without
/// <see cref="PermitExpiry"/> as valid on every date.</para>
/// <para><see cref="ToString"/> masks the NIK, so a resident can be logged without leaking it.</para>
/// </remarks>
/// <threadsafety>Instances are immutable and safe to share between threads.</threadsafety>
public sealed record Resident
{
    private readonly Nik _nik;
    private readonly Sex _sex;
    private readonly Citizenship _citizenship;
    private readonly MaritalStatus _maritalStatus;
    private readonly LifeStatus _lifeStatus = LifeStatus.Alive;
    private readonly RegionCode _domicile;
    private readonly KtpElStatus _recordingStatus = KtpElStatus.Unregistered;

    /// <summary>Gets the resident's NIK.</summary>
    /// <value>A valid NIK (not the default value).</value>
    /// <exception cref="ArgumentException">Set to the default value.</exception>
    public required Nik Nik
    {
        get => _nik;
        init => _nik = value != default ? value : throw new ArgumentException("A resident needs a valid NIK, not the default value.", nameof(Nik));
    }

    /// <summary>Gets the recorded birth date.</summary>
    /// <value>The birth date.</value>
    public required LocalDate BirthDate { get; init; }

    /// <summary>Gets the recorded sex.</summary>
    /// <value><see cref="Kependudukan.Sex.Male"/> or <see cref="Kependudukan.Sex.Female"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to <see cref="Kependudukan.Sex.None"/> or an undefined value.</exception>
    public required Sex Sex
    {
        get => _sex;
        init => _sex = CheckEnum(value, Sex.Male, Sex.Female, nameof(Sex));
    }

    /// <summary>Gets the citizenship and stay-permit class.</summary>
    /// <value>A defined value other than <see cref="Kependudukan.Citizenship.None"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to <c>None</c> or an undefined value.</exception>
    public required Citizenship Citizenship
    {
        get => _citizenship;
        init => _citizenship = CheckEnum(value, Citizenship.Wni, Citizenship.ForeignerWithItas, nameof(Citizenship));
    }

    /// <summary>Gets the last day the stay permit (ITAP) is valid, for foreigners.</summary>
    /// <value>The expiry date, or <see langword="null"/> when not applicable or unknown. The default is <see langword="null"/>.</value>
    public LocalDate? PermitExpiry { get; init; }

    /// <summary>Gets the marital status.</summary>
    /// <value>A defined value other than <see cref="Kependudukan.MaritalStatus.None"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to <c>None</c> or an undefined value.</exception>
    public required MaritalStatus MaritalStatus
    {
        get => _maritalStatus;
        init => _maritalStatus = CheckEnum(value, MaritalStatus.NeverMarried, MaritalStatus.Widowed, nameof(MaritalStatus));
    }

    /// <summary>Gets whether the resident is alive and in Indonesia.</summary>
    /// <value>The default is <see cref="Kependudukan.LifeStatus.Alive"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to <c>None</c> or an undefined value.</exception>
    public LifeStatus LifeStatus
    {
        get => _lifeStatus;
        init => _lifeStatus = CheckEnum(value, LifeStatus.Alive, LifeStatus.MovedAbroad, nameof(LifeStatus));
    }

    /// <summary>Gets the date of death or of moving abroad.</summary>
    /// <value>The date, or <see langword="null"/> when alive or when the date is unknown. The default is <see langword="null"/>.</value>
    public LocalDate? LifeStatusDate { get; init; }

    /// <summary>Gets the village of domicile.</summary>
    /// <value>A village-level region code.</value>
    /// <exception cref="ArgumentException">Set to a code that is not at village level.</exception>
    public required RegionCode Domicile
    {
        get => _domicile;
        init => _domicile = value.Level == RegionLevel.Village
            ? value
            : throw new ArgumentException(Invariant($"The domicile must be a village code (PP.KK.CC.DDDD); got a code at level {value.Level}."), nameof(Domicile));
    }

    /// <summary>Gets the KTP-el status in SIAK.</summary>
    /// <value>The default is <see cref="KtpElStatus.Unregistered"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to <c>None</c> or an undefined value.</exception>
    public KtpElStatus RecordingStatus
    {
        get => _recordingStatus;
        init => _recordingStatus = CheckEnum(value, KtpElStatus.Unregistered, KtpElStatus.DuplicateRecord, nameof(RecordingStatus));
    }

    /// <summary>Gets the date of biometric recording (perekaman).</summary>
    /// <value>The date, or <see langword="null"/> when not recorded or unknown. The default is <see langword="null"/>.</value>
    public LocalDate? RecordingDate { get; init; }

    /// <summary>Gets a value indicating whether the resident holds a birth certificate (akta kelahiran).</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool HasBirthCertificate { get; init; }

    /// <summary>Gets a value indicating whether the resident holds a child identity card (KIA).</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool HasKia { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(Invariant($"Nik = {_nik.ToMaskedString()}, BirthDate = {BirthDate:uuuu-MM-dd}, Sex = {Sex}, Citizenship = {Citizenship}, "));
        builder.Append(Invariant($"MaritalStatus = {MaritalStatus}, LifeStatus = {LifeStatus}, Domicile = {Domicile}, RecordingStatus = {RecordingStatus}, "));
        builder.Append(Invariant($"HasBirthCertificate = {HasBirthCertificate}, HasKia = {HasKia}"));
        return true;
    }

    private static T CheckEnum<T>(T value, T min, T max, string name)
        where T : struct, Enum
    {
        var v = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        var lo = Convert.ToInt32(min, System.Globalization.CultureInfo.InvariantCulture);
        var hi = Convert.ToInt32(max, System.Globalization.CultureInfo.InvariantCulture);
        return v >= lo && v <= hi
            ? value
            : throw new ArgumentOutOfRangeException(name, value, Invariant($"{name} should be a defined {typeof(T).Name} other than None."));
    }
}
