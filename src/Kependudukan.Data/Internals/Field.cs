namespace Kependudukan.Data.Internals;

/// <summary>The columns of the resident schema as dense indices, in writer order.</summary>
internal static class Field
{
    internal const int Nik = 0;
    internal const int Domicile = 1;
    internal const int BirthDate = 2;
    internal const int Sex = 3;
    internal const int Citizenship = 4;
    internal const int PermitExpiry = 5;
    internal const int MaritalStatus = 6;
    internal const int LifeStatus = 7;
    internal const int LifeStatusDate = 8;
    internal const int KtpStatus = 9;
    internal const int RecordingDate = 10;
    internal const int BirthCertificate = 11;
    internal const int Kia = 12;
    internal const int Count = 13;

    internal static readonly string[] Names =
    [
        "nik", "domicile", "birth_date", "sex", "citizenship", "permit_expiry", "marital_status", "life_status",
        "life_status_date", "ktp_status", "recording_date", "birth_certificate", "kia",
    ];

    internal static bool IsRequired(int field) =>
        field is Domicile or BirthDate or Sex or Citizenship or MaritalStatus;

    internal static bool IsDate(int field) =>
        field is BirthDate or PermitExpiry or LifeStatusDate or RecordingDate;

    /// <summary>Maps a <see cref="Aggregation.ResidentRow"/> or <see cref="Resident"/> property name (as an
    /// <see cref="ArgumentException.ParamName"/>) to its column, or -1.</summary>
    internal static int FromPropertyName(string? name) => name switch
    {
        "Nik" => Nik,
        "Domicile" => Domicile,
        "BirthDate" => BirthDate,
        "Sex" => Sex,
        "Citizenship" => Citizenship,
        "PermitExpiry" => PermitExpiry,
        "MaritalStatus" => MaritalStatus,
        "LifeStatus" => LifeStatus,
        "LifeStatusDate" => LifeStatusDate,
        "RecordingStatus" or "KtpStatus" => KtpStatus,
        "RecordingDate" => RecordingDate,
        "HasBirthCertificate" => BirthCertificate,
        "HasKia" => Kia,
        _ => -1,
    };
}
