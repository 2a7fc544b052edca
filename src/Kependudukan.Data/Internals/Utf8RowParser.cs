using System.Buffers;
using Kependudukan.Aggregation;
using Kependudukan.Identity;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Data.Internals;

/// <summary>Reads a whole CSV record in place when every cell has the common shape (see <see cref="Utf8FieldParser"/>), for a
/// given column layout.</summary>
/// <remarks>A record it cannot read (a quote, white space, another spelling, an invalid or missing value, a wrong number of
/// cells, a line end beyond the buffer) is left untouched for the general path, which reads it again and reports its issues.</remarks>
internal sealed class Utf8RowParser
{
    private const int Extra = -1;

    private readonly int[] _fields;
    private readonly byte _separator;
    private readonly bool _needsNik;
    private readonly SearchValues<byte> _extraEnd;

    /// <summary>Initializes a parser for a layout.</summary>
    /// <param name="sourceIndex">Per schema field, the column holding it or -1 (see <see cref="ColumnMap.SourceIndex"/>).</param>
    /// <param name="columnCount">The number of columns of the input.</param>
    /// <param name="separator">The separator.</param>
    /// <param name="needsNik">Whether a row without a NIK must be rejected.</param>
    internal Utf8RowParser(int[] sourceIndex, int columnCount, char separator, bool needsNik)
    {
        _fields = new int[columnCount];
        Array.Fill(_fields, Extra);
        for (var field = 0; field < sourceIndex.Length; field++)
        {
            if (sourceIndex[field] >= 0)
            {
                _fields[sourceIndex[field]] = field;
            }
        }

        _separator = checked((byte)separator);
        _needsNik = needsNik;
        _extraEnd = SearchValues.Create([_separator, (byte)'"', (byte)'\r', (byte)'\n']);
    }

    /// <summary>Reads the record at the start of <paramref name="s"/>.</summary>
    /// <param name="s">The unread input.</param>
    /// <param name="final">Whether <paramref name="s"/> ends where the input ends.</param>
    /// <param name="row">The row.</param>
    /// <returns>The bytes read, line ending included, or 0 when the record is left to the general path.</returns>
    internal int TryParse(ReadOnlySpan<byte> s, bool final, out ResidentRow row)
    {
        row = default;
        var separator = _separator;
        var fields = _fields;
        Nik nik = default;
        RegionCode domicile = default;
        LocalDate birthDate = default;
        LocalDate? permitExpiry = null, lifeStatusDate = null, recordingDate = null;
        var sex = Sex.None;
        var citizenship = Citizenship.None;
        var marital = MaritalStatus.None;
        var life = LifeStatus.Alive;
        var ktp = KtpElStatus.Unregistered;
        bool certificate = false, kia = false;
        var p = 0;
        for (var column = 0; column < fields.Length; column++)
        {
            if (column > 0)
            {
                if ((uint)p >= (uint)s.Length || s[p] != separator)
                {
                    return 0;
                }

                p++;
            }

            switch (fields[column])
            {
                case Field.Nik:
                    if (EndsHere(s, p, separator))
                    {
                        if (_needsNik)
                        {
                            return 0;
                        }
                    }
                    else
                    {
                        p = Utf8FieldParser.Nik(s, p, out nik);
                    }

                    break;
                case Field.Domicile:
                    p = Utf8FieldParser.Village(s, p, out domicile);
                    break;
                case Field.BirthDate:
                    p = Utf8FieldParser.Date(s, p, out birthDate);
                    break;
                case Field.Sex:
                    p = Utf8FieldParser.Sex(s, p, out sex);
                    break;
                case Field.Citizenship:
                    p = Utf8FieldParser.Citizenship(s, p, out citizenship);
                    break;
                case Field.PermitExpiry:
                    p = OptionalDate(s, p, separator, out permitExpiry);
                    break;
                case Field.MaritalStatus:
                    p = Utf8FieldParser.MaritalStatus(s, p, out marital);
                    break;
                case Field.LifeStatus:
                    p = Utf8FieldParser.LifeStatus(s, p, separator, out life);
                    break;
                case Field.LifeStatusDate:
                    p = OptionalDate(s, p, separator, out lifeStatusDate);
                    break;
                case Field.KtpStatus:
                    p = Utf8FieldParser.KtpStatus(s, p, separator, out ktp);
                    break;
                case Field.RecordingDate:
                    p = OptionalDate(s, p, separator, out recordingDate);
                    break;
                case Field.BirthCertificate:
                    p = Utf8FieldParser.Flag(s, p, separator, out certificate);
                    break;
                case Field.Kia:
                    p = Utf8FieldParser.Flag(s, p, separator, out kia);
                    break;
                default:
                    p = SkipExtra(s, p, final);
                    break;
            }

            if (p < 0)
            {
                return 0;
            }
        }

        // The line end: LF, CR LF, a lone CR, or the end of the input.
        if ((uint)p < (uint)s.Length)
        {
            var b = s[p];
            if (b == '\n')
            {
                p++;
            }
            else if (b != '\r')
            {
                return 0;
            }
            else if (p + 1 < s.Length)
            {
                p += s[p + 1] == '\n' ? 2 : 1;
            }
            else if (final)
            {
                p++;
            }
            else
            {
                return 0;
            }
        }
        else if (!final || p == 0)
        {
            return 0;
        }

        row = new ResidentRow
        {
            Nik = nik,
            Domicile = domicile,
            BirthDate = birthDate,
            Sex = sex,
            Citizenship = citizenship,
            PermitExpiry = permitExpiry,
            MaritalStatus = marital,
            LifeStatus = life,
            LifeStatusDate = lifeStatusDate,
            RecordingStatus = ktp,
            RecordingDate = recordingDate,
            HasBirthCertificate = certificate,
            HasKia = kia,
        };
        return p;
    }

    private static bool EndsHere(ReadOnlySpan<byte> s, int p, byte separator) =>
        (uint)p >= (uint)s.Length || Utf8FieldParser.IsCellEnd(s[p], separator);

    private static int OptionalDate(ReadOnlySpan<byte> s, int p, byte separator, out LocalDate? date)
    {
        if (EndsHere(s, p, separator))
        {
            date = null;
            return p;
        }

        p = Utf8FieldParser.Date(s, p, out var value);
        date = value;
        return p;
    }

    /// <summary>Skips a cell of a column outside the schema; a quote leaves the record to the general path.</summary>
    private int SkipExtra(ReadOnlySpan<byte> s, int p, bool final)
    {
        var k = s[p..].IndexOfAny(_extraEnd);
        if (k < 0)
        {
            return final ? s.Length : -1;
        }

        return s[p + k] == '"' ? -1 : p + k;
    }
}
