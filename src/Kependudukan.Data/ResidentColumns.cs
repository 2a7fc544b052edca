namespace Kependudukan.Data;

/// <summary>The column names of the resident file schema shared by CSV, Parquet and database loads.</summary>
/// <remarks>
/// <para>Columns are matched by name, ignoring case and surrounding spaces; their order does not matter and columns with
/// other names are ignored. A load fails before reading any row when a required column is missing or a known column appears
/// twice. The package README has the full schema with the accepted values of every column.</para>
/// <para>Required: <see cref="Domicile"/>, <see cref="BirthDate"/>, <see cref="Sex"/>, <see cref="Citizenship"/>,
/// <see cref="MaritalStatus"/>. Optional, with the value used when the column is absent or a cell is empty:
/// <see cref="Nik"/> (unknown; required when loading <see cref="Resident"/> objects), <see cref="PermitExpiry"/>,
/// <see cref="LifeStatusDate"/> and <see cref="RecordingDate"/> (none), <see cref="LifeStatus"/> (alive),
/// <see cref="KtpStatus"/> (unregistered), <see cref="BirthCertificate"/> and <see cref="Kia"/> (not held). A load reports the
/// optional columns it did not find in <see cref="LoadSummary.AbsentColumns"/>, so a default never goes unnoticed.</para>
/// </remarks>
public static class ResidentColumns
{
    /// <summary>Gets the name of the NIK column: 16 digits.</summary>
    /// <value><c>nik</c>.</value>
    public static string Nik => "nik";

    /// <summary>Gets the name of the domicile column: a village code, dotted (<c>64.72.01.1001</c>) or plain (<c>6472011001</c>).</summary>
    /// <value><c>domicile</c>.</value>
    public static string Domicile => "domicile";

    /// <summary>Gets the name of the birth date column, <c>yyyy-MM-dd</c>.</summary>
    /// <value><c>birth_date</c>.</value>
    public static string BirthDate => "birth_date";

    /// <summary>Gets the name of the sex column: <c>L</c>/<c>P</c>, <c>M</c>/<c>F</c>, <c>male</c>/<c>female</c>, <c>laki-laki</c>/<c>perempuan</c>.</summary>
    /// <value><c>sex</c>.</value>
    public static string Sex => "sex";

    /// <summary>Gets the name of the citizenship column: <c>WNI</c>, <c>ITAP</c> (or <c>KITAP</c>), <c>ITAS</c> (or <c>KITAS</c>).</summary>
    /// <value><c>citizenship</c>.</value>
    public static string Citizenship => "citizenship";

    /// <summary>Gets the name of the stay-permit expiry column, <c>yyyy-MM-dd</c> or empty.</summary>
    /// <value><c>permit_expiry</c>.</value>
    public static string PermitExpiry => "permit_expiry";

    /// <summary>Gets the name of the marital status column: <c>belum kawin</c>, <c>kawin</c>, <c>cerai hidup</c>, <c>cerai mati</c>
    /// or <c>never married</c>, <c>married</c>, <c>divorced</c>, <c>widowed</c>.</summary>
    /// <value><c>marital_status</c>.</value>
    public static string MaritalStatus => "marital_status";

    /// <summary>Gets the name of the life status column: <c>hidup</c>/<c>alive</c>, <c>mati</c>/<c>deceased</c>,
    /// <c>pindah luar negeri</c>/<c>moved abroad</c>.</summary>
    /// <value><c>life_status</c>.</value>
    public static string LifeStatus => "life_status";

    /// <summary>Gets the name of the column holding the date of death or of moving abroad, <c>yyyy-MM-dd</c> or empty.</summary>
    /// <value><c>life_status_date</c>.</value>
    public static string LifeStatusDate => "life_status_date";

    /// <summary>Gets the name of the KTP-el status column: a SIAK status name (<c>PRINT_READY_RECORD</c>) or a village-system code 1-8.</summary>
    /// <value><c>ktp_status</c>.</value>
    public static string KtpStatus => "ktp_status";

    /// <summary>Gets the name of the recording date column, <c>yyyy-MM-dd</c> or empty.</summary>
    /// <value><c>recording_date</c>.</value>
    public static string RecordingDate => "recording_date";

    /// <summary>Gets the name of the birth certificate (akta kelahiran) column: <c>1</c>/<c>0</c>, <c>true</c>/<c>false</c>, <c>ya</c>/<c>tidak</c>, <c>yes</c>/<c>no</c>.</summary>
    /// <value><c>birth_certificate</c>.</value>
    public static string BirthCertificate => "birth_certificate";

    /// <summary>Gets the name of the child identity card (KIA) column, with the same values as <see cref="BirthCertificate"/>.</summary>
    /// <value><c>kia</c>.</value>
    public static string Kia => "kia";

    /// <summary>Gets every column of the schema in the order the writers use.</summary>
    /// <value>The 13 column names.</value>
    public static IReadOnlyList<string> All { get; } = Internals.Field.Names;

    /// <summary>Gets the columns a load cannot do without.</summary>
    /// <value><c>domicile</c>, <c>birth_date</c>, <c>sex</c>, <c>citizenship</c>, <c>marital_status</c>.</value>
    public static IReadOnlyList<string> Required { get; } = [Domicile, BirthDate, Sex, Citizenship, MaritalStatus];
}
