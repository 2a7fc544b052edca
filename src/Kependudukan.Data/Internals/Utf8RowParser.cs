using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Kependudukan.Aggregation;
using Kependudukan.Aggregation.Internals;
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

    /// <summary>The input a record in the schema's column order needs: its longest form (143 bytes) plus the cell window.</summary>
    internal const int CanonicalWindow = 256;

    private readonly int[] _fields;
    private readonly byte _separator;
    private readonly bool _needsNik;
    private readonly bool _canonical;
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
        _canonical = columnCount == Field.Count && _fields.Select((field, column) => field == column).All(same => same);
        _extraEnd = SearchValues.Create([_separator, (byte)'"', (byte)'\r', (byte)'\n']);
    }

    /// <summary>Returns whether records with this separator can be read in place: not when the separator occurs inside the
    /// common shapes of cells (the dots of a village code, the dashes of a date, the underscores and spaces of words), since
    /// the general path splits such a cell and the fast path would not.</summary>
    internal static bool SupportsSeparator(char separator) => separator is not ('.' or '-' or '_' or ' ');

    /// <summary>Reads the record at the start of <paramref name="s"/>.</summary>
    /// <param name="s">The unread input.</param>
    /// <param name="final">Whether <paramref name="s"/> ends where the input ends.</param>
    /// <param name="row">The row.</param>
    /// <returns>The bytes read, line ending included, or 0 when the record is left to the general path; so is every record
    /// with a cell that starts within <see cref="Utf8FieldParser.Window"/> bytes of the end of <paramref name="s"/>.</returns>
    internal int TryParse(ReadOnlySpan<byte> s, bool final, out ResidentRow row) =>
        _canonical && s.Length >= CanonicalWindow ? TryParseCanonical(s, out row) : TryParseAnyLayout(s, final, out row);

    /// <summary>Reads a record of any layout, column by column.</summary>
    private int TryParseAnyLayout(ReadOnlySpan<byte> s, bool final, out ResidentRow row)
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
        ref var start = ref MemoryMarshal.GetReference(s);
        var limit = s.Length - Utf8FieldParser.Window;
        var p = 0;
        for (var column = 0; column < fields.Length; column++)
        {
            if (column > 0)
            {
                if (p > limit || Unsafe.Add(ref start, p) != separator)
                {
                    return 0;
                }

                p++;
            }

            // Every cell reader may read Window bytes from the cell's start.
            if (p > limit)
            {
                return 0;
            }

            ref var cell = ref Unsafe.Add(ref start, p);
            int length;
            switch (fields[column])
            {
                case Field.Nik:
                    if (Utf8FieldParser.IsCellEnd(cell, separator))
                    {
                        length = _needsNik ? -1 : 0;
                    }
                    else
                    {
                        length = Utf8FieldParser.Nik(ref cell, out nik);
                    }

                    break;
                case Field.Domicile:
                    length = Utf8FieldParser.Village(ref cell, out domicile);
                    break;
                case Field.BirthDate:
                    length = Utf8FieldParser.Date(ref cell, out birthDate);
                    break;
                case Field.Sex:
                    length = Utf8FieldParser.Sex(ref cell, out sex);
                    break;
                case Field.Citizenship:
                    length = Utf8FieldParser.Citizenship(ref cell, separator, out citizenship);
                    break;
                case Field.PermitExpiry:
                    length = OptionalDate(ref cell, separator, out permitExpiry);
                    break;
                case Field.MaritalStatus:
                    length = Utf8FieldParser.MaritalStatus(ref cell, separator, out marital);
                    break;
                case Field.LifeStatus:
                    length = Utf8FieldParser.LifeStatus(ref cell, separator, out life);
                    break;
                case Field.LifeStatusDate:
                    length = OptionalDate(ref cell, separator, out lifeStatusDate);
                    break;
                case Field.KtpStatus:
                    length = Utf8FieldParser.KtpStatus(ref cell, separator, out ktp);
                    break;
                case Field.RecordingDate:
                    length = OptionalDate(ref cell, separator, out recordingDate);
                    break;
                case Field.BirthCertificate:
                    length = Utf8FieldParser.Flag(ref cell, separator, out certificate);
                    break;
                case Field.Kia:
                    length = Utf8FieldParser.Flag(ref cell, separator, out kia);
                    break;
                default:
                    length = SkipExtra(s[p..], final);
                    break;
            }

            if (length < 0)
            {
                return 0;
            }

            p += length;
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

        row = Rows.Create(nik, domicile, birthDate, sex, citizenship, permitExpiry, marital, life, lifeStatusDate, ktp, recordingDate, certificate, kia);
        return p;
    }

    /// <summary>Reads a record in the schema's column order (the writers' layout) with no branch per column: every cell has
    /// a bounded length, so the whole record lies within <see cref="CanonicalWindow"/> bytes.</summary>
    private int TryParseCanonical(ReadOnlySpan<byte> s, out ResidentRow row)
    {
        Debug.Assert(s.Length >= CanonicalWindow, "The caller checks the window.");
        Unsafe.SkipInit(out row);
        var separator = _separator;
        ref var start = ref MemoryMarshal.GetReference(s);
        var p = 0;
        Nik nik = default;
        if (!Utf8FieldParser.IsCellEnd(start, separator))
        {
            p = Utf8FieldParser.Nik(ref start, out nik);
            if (p < 0)
            {
                return 0;
            }
        }
        else if (_needsNik)
        {
            return 0;
        }

        if (!Next(ref start, ref p, 0, separator)
            || !Next(ref start, ref p, Utf8FieldParser.Village(ref Unsafe.Add(ref start, p), out var domicile), separator)
            || !Next(ref start, ref p, Utf8FieldParser.Date(ref Unsafe.Add(ref start, p), out var birthDate), separator)
            || !Next(ref start, ref p, Utf8FieldParser.Sex(ref Unsafe.Add(ref start, p), out var sex), separator)
            || !Next(ref start, ref p, Utf8FieldParser.Citizenship(ref Unsafe.Add(ref start, p), separator, out var citizenship, separatorFollows: true), separator)
            || !Next(ref start, ref p, OptionalDate(ref Unsafe.Add(ref start, p), separator, out var permitExpiry), separator)
            || !Next(ref start, ref p, Utf8FieldParser.MaritalStatus(ref Unsafe.Add(ref start, p), separator, out var marital, separatorFollows: true), separator)
            || !Next(ref start, ref p, Utf8FieldParser.LifeStatus(ref Unsafe.Add(ref start, p), separator, out var life, separatorFollows: true), separator)
            || !Next(ref start, ref p, OptionalDate(ref Unsafe.Add(ref start, p), separator, out var lifeStatusDate), separator)
            || !Next(ref start, ref p, Utf8FieldParser.KtpStatus(ref Unsafe.Add(ref start, p), separator, out var ktp, separatorFollows: true), separator)
            || !Next(ref start, ref p, OptionalDate(ref Unsafe.Add(ref start, p), separator, out var recordingDate), separator)
            || !Next(ref start, ref p, Utf8FieldParser.Flag(ref Unsafe.Add(ref start, p), separator, out var certificate), separator))
        {
            return 0;
        }

        var length = Utf8FieldParser.Flag(ref Unsafe.Add(ref start, p), separator, out var kia);
        if (length < 0)
        {
            return 0;
        }

        p = unchecked(p + length);
        if (!LineEnd(ref start, ref p))
        {
            return 0;
        }

        row = Rows.Create(nik, domicile, birthDate, sex, citizenship, permitExpiry, marital, life, lifeStatusDate, ktp, recordingDate, certificate, kia);
        return p;
    }

    /// <summary>Gets whether <see cref="TryParseEncoded"/> can read this layout: the schema's column order.</summary>
    internal bool ReadsEncoded => _canonical;

    /// <summary>Reads a record in the schema's column order straight into the table's column form, as
    /// <see cref="TryParseCanonical"/> reads it into a <see cref="ResidentRow"/> that the builder would then encode.</summary>
    /// <param name="s">The unread input, at least <see cref="CanonicalWindow"/> bytes.</param>
    /// <param name="cells">The record in column form, when read.</param>
    /// <returns>The bytes read, line ending included, or 0 when the record is left to <see cref="TryParse"/>: also a record
    /// with a date the table cannot store, so that path reports it.</returns>
    internal int TryParseEncoded(ReadOnlySpan<byte> s, out EncodedCells cells)
    {
        Debug.Assert(_canonical && s.Length >= CanonicalWindow, "The caller checks the layout and the window.");
        Unsafe.SkipInit(out cells);
        var separator = _separator;
        ref var start = ref MemoryMarshal.GetReference(s);
        var p = 0;
        long nik = 0;
        var nikBirth = 0;
        if (!Utf8FieldParser.IsCellEnd(start, separator))
        {
            p = Utf8FieldParser.Nik(ref start, out nik, out nikBirth);
            if (p < 0)
            {
                return 0;
            }
        }
        else if (_needsNik)
        {
            return 0;
        }

        int birth, lifeDays, recordingDays;
        if (!Next(ref start, ref p, 0, separator)
            || !Next(ref start, ref p, Utf8FieldParser.Village(ref Unsafe.Add(ref start, p), out var domicile), separator)
            || !Next(ref start, ref p, Utf8FieldParser.StorableDate(ref Unsafe.Add(ref start, p), out birth, out var birthDigits), separator)
            || !Next(ref start, ref p, Utf8FieldParser.Sex(ref Unsafe.Add(ref start, p), out var sex), separator)
            || !Next(ref start, ref p, Utf8FieldParser.Citizenship(ref Unsafe.Add(ref start, p), separator, out var citizenship, separatorFollows: true), separator)
            || !Next(ref start, ref p, OptionalDate(ref Unsafe.Add(ref start, p), separator, out var permitExpiry), separator)
            || !Next(ref start, ref p, Utf8FieldParser.MaritalStatus(ref Unsafe.Add(ref start, p), separator, out var marital, separatorFollows: true), separator)
            || !Next(ref start, ref p, Utf8FieldParser.LifeStatus(ref Unsafe.Add(ref start, p), separator, out var life, separatorFollows: true), separator)
            || !Next(ref start, ref p, OptionalStorableDate(ref Unsafe.Add(ref start, p), separator, out lifeDays), separator)
            || !Next(ref start, ref p, Utf8FieldParser.KtpStatus(ref Unsafe.Add(ref start, p), separator, out var ktp, separatorFollows: true), separator)
            || !Next(ref start, ref p, OptionalStorableDate(ref Unsafe.Add(ref start, p), separator, out recordingDays), separator)
            || !Next(ref start, ref p, Utf8FieldParser.Flag(ref Unsafe.Add(ref start, p), separator, out var certificate), separator))
        {
            return 0;
        }

        var length = Utf8FieldParser.Flag(ref Unsafe.Add(ref start, p), separator, out var kia);
        if (length < 0)
        {
            return 0;
        }

        p = unchecked(p + length);
        if (!LineEnd(ref start, ref p))
        {
            return 0;
        }

        // Days from 1900-01-01 (-1: absent), each checked against the last storable day with one unsigned compare.
        unchecked
        {
            const uint storableDays = DayNumber.MaxValid - DayNumber.MinValid;
            var valid = (uint)birth <= storableDays;
            var recording = DayNumber.Always;
            if (recordingDays >= 0)
            {
                valid &= (uint)recordingDays <= storableDays;
                recording = (short)(recordingDays + DayNumber.MinValid);
            }

            var leave = life == LifeStatus.Alive ? DayNumber.Never : DayNumber.Always;
            LocalDate? aliveDate = null;
            if (lifeDays >= 0)
            {
                valid &= (uint)lifeDays <= storableDays;
                if (life == LifeStatus.Alive)
                {
                    aliveDate = valid ? DayNumber.ToDate((short)(lifeDays + DayNumber.MinValid)) : null;
                }
                else
                {
                    leave = (short)(lifeDays + DayNumber.MinValid);
                }
            }

            if (!valid)
            {
                return 0;
            }

            // The NIK's DDMMYY (DD above 40 for women) against the record's birth date and sex.
            cells.NikAgrees = nik == 0 || nikBirth == birthDigits + (sex == Sex.Female ? 400_000 : 0);
            cells.Row = new EncodedRow
            {
                Nik = nik,
                Domicile = domicile,
                Birth = (short)(birth + DayNumber.MinValid),
                Recording = recording,
                Leave = leave,
                Flags = RowFlags.Pack(ktp, certificate, kia, sex, citizenship, marital, life),
                PermitExpiry = permitExpiry,
                AliveDate = aliveDate,
            };
        }

        return p;
    }

    /// <summary>Moves past the line end at <paramref name="p"/>: LF, CR LF or a lone CR (in the canonical layout the input goes
    /// on for at least the rest of the window); returns <see langword="false"/> when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool LineEnd(ref byte start, ref int p)
    {
        var end = Unsafe.Add(ref start, p);
        if (end == '\r')
        {
            p = unchecked(p + (Unsafe.Add(ref start, p + 1) == '\n' ? 2 : 1));
            return true;
        }

        if (end == '\n')
        {
            p = unchecked(p + 1);
            return true;
        }

        return false;
    }

    /// <summary>Moves past a cell of <paramref name="length"/> bytes (-1: not read) and the separator after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Next(ref byte start, ref int p, int length, byte separator)
    {
        // Positions stay within the window, so the arithmetic needs no overflow checks.
        if (length < 0 || Unsafe.Add(ref start, unchecked(p + length)) != separator)
        {
            return false;
        }

        p = unchecked(p + length + 1);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int OptionalDate(ref byte cell, byte separator, out LocalDate? date)
    {
        if (Utf8FieldParser.IsCellEnd(cell, separator))
        {
            date = null;
            return 0;
        }

        var length = Utf8FieldParser.Date(ref cell, out var value);
        date = value;
        return length;
    }

    /// <summary>Reads an optional date as days from 1900-01-01 (see <see cref="Utf8FieldParser.StorableDate(ref byte, out int)"/>);
    /// an empty cell is -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int OptionalStorableDate(ref byte cell, byte separator, out int days)
    {
        if (Utf8FieldParser.IsCellEnd(cell, separator))
        {
            days = -1;
            return 0;
        }

        return Utf8FieldParser.StorableDate(ref cell, out days);
    }

    /// <summary>Returns the length of a cell of a column outside the schema, or -1 for a quoted one (left to the general path).</summary>
    private int SkipExtra(ReadOnlySpan<byte> cell, bool final)
    {
        var k = cell.IndexOfAny(_extraEnd);
        if (k < 0)
        {
            return final ? cell.Length : -1;
        }

        return cell[k] == '"' ? -1 : k;
    }
}

/// <summary>A record read straight into the table's column form, with what the load's checks need beyond it.</summary>
internal struct EncodedCells
{
    /// <summary>The row in column form.</summary>
    public EncodedRow Row;

    /// <summary>Whether the birth digits and sex the NIK encodes agree with the record; <see langword="true"/> without a NIK.</summary>
    public bool NikAgrees;
}
