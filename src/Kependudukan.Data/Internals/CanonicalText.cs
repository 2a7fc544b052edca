using System.Runtime.CompilerServices;
using Kependudukan.Aggregation;
using Kependudukan.Recording;
using NodaTime;
using static System.FormattableString;

namespace Kependudukan.Data.Internals;

/// <summary>The values the writers put in each column: the first spelling the readers accept for each code.</summary>
internal static class CanonicalText
{
    /// <summary>The longest CSV line a row can produce, separators included.</summary>
    internal const int MaxLineLength = 256;

    private static readonly string[] s_sex = ["", "L", "P"];
    private static readonly string[] s_citizenship = ["", "WNI", "ITAP", "ITAS"];
    private static readonly string[] s_marital = ["", "belum kawin", "kawin", "cerai hidup", "cerai mati"];
    private static readonly string[] s_life = ["", "hidup", "mati", "pindah luar negeri"];
    private static readonly string[] s_ktp =
    [
        "", "UNREGISTERED", "BIO_CAPTURED", "PROCESSING", "SENT_FOR_ENROLLMENT", "RECEIVED_AT_CENTRAL", "PRINT_READY_RECORD",
        "SENT_FOR_CARD_PRINTING", "CARD_PRINTED", "CARD_SHIPPED", "CARD_ISSUED", "ENROLL_FAILURE_AT_CENTRAL",
        "SEARCH_FAILURE_AT_CENTRAL", "ENROLL_FAILURE_AT_REGIONAL", "DUPLICATE_RECORD",
    ];

    internal static string Sex(Sex value) => Pick(s_sex, (int)value, nameof(Sex));

    internal static string Citizenship(Citizenship value) => Pick(s_citizenship, (int)value, nameof(Citizenship));

    internal static string MaritalStatus(MaritalStatus value) => Pick(s_marital, (int)value, nameof(MaritalStatus));

    internal static string LifeStatus(LifeStatus value) => Pick(s_life, (int)value, nameof(LifeStatus));

    internal static string KtpStatus(KtpElStatus value) => Pick(s_ktp, (int)value, "RecordingStatus");

    internal static string Flag(bool value) => value ? "1" : "0";

    /// <summary>Writes <c>yyyy-MM-dd</c>; returns the number of characters written (10).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int WriteDate(LocalDate date, Span<char> destination)
    {
        var year = date.Year;
        if (year is < 1 or > 9999)
        {
            throw new ArgumentException(Invariant($"Dates are written as yyyy-MM-dd, so the year should be in range [0001-9999]; got {year}."));
        }

        return CellText.WriteDate(year, date.Month, date.Day, destination);
    }

    /// <summary>Formats one row as a CSV line without the line break; returns its length.</summary>
    internal static int WriteCsvLine(in ResidentRow row, Span<char> line)
    {
        var pos = 0;
        if (row.Nik != default)
        {
            row.Nik.TryFormat(line, out pos);
        }

        line[pos++] = ',';
        row.Domicile.TryFormat(line[pos..], out var written);
        pos += written;
        line[pos++] = ',';
        pos += WriteDate(row.BirthDate, line[pos..]);
        pos = Append(line, pos, Sex(row.Sex));
        pos = Append(line, pos, Citizenship(row.Citizenship));
        pos = AppendDate(line, pos, row.PermitExpiry);
        pos = Append(line, pos, MaritalStatus(row.MaritalStatus));
        pos = Append(line, pos, LifeStatus(row.LifeStatus));
        pos = AppendDate(line, pos, row.LifeStatusDate);
        pos = Append(line, pos, KtpStatus(row.RecordingStatus));
        pos = AppendDate(line, pos, row.RecordingDate);
        pos = Append(line, pos, Flag(row.HasBirthCertificate));
        return Append(line, pos, Flag(row.HasKia));
    }

    private static int Append(Span<char> line, int pos, string value)
    {
        line[pos++] = ',';
        value.CopyTo(line[pos..]);
        return pos + value.Length;
    }

    private static int AppendDate(Span<char> line, int pos, LocalDate? date)
    {
        line[pos++] = ',';
        return date is { } value ? pos + WriteDate(value, line[pos..]) : pos;
    }

    private static string Pick(string[] names, int value, string field) =>
        value >= 1 && value < names.Length
            ? names[value]
            : throw new ArgumentException(Invariant($"{field} should be a defined value other than None to be written; got {value}."));
}
