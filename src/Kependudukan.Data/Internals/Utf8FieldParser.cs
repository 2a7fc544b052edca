using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Kependudukan.Identity;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Data.Internals;

/// <summary>Parses cells in the shape the writers produce (and SIAK exports use) straight from UTF-8 bytes.</summary>
/// <remarks>Each method reads the cell that starts at <c>s[p]</c> and returns the position after it, or -1 when the cell does
/// not start in the common shape; the caller then checks that a separator or line end follows. A cell accepted here is accepted
/// with the same value by <see cref="FieldParser"/>; any other cell (other spellings, white space, quotes, wrong values) is
/// left to <see cref="FieldParser"/>, which also explains rejections.</remarks>
internal static class Utf8FieldParser
{
    /// <summary>Reads 16 ASCII digits as a NIK, with the checks of <see cref="Identity.Nik.TryParse(ReadOnlySpan{char}, NikStyles, out Identity.Nik)"/>.</summary>
    internal static int Nik(ReadOnlySpan<byte> s, int p, out Nik nik)
    {
        if (s.Length - p >= 16)
        {
            ref var cell = ref Unsafe.Add(ref MemoryMarshal.GetReference(s), p);
            var high = Unsafe.ReadUnaligned<ulong>(ref cell);
            var low = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref cell, 8));
            if (AreEightDigits(high) && AreEightDigits(low))
            {
                unchecked
                {
                    // Two-digit parts in bytes 0, 2, 4 and 6: PP KK CC DD and MM YY SS SS.
                    high = DigitPairs(high);
                    low = DigitPairs(low);
                    var province = (int)(high & 0xFF);
                    var regency = (int)((high >> 16) & 0xFF);
                    var district = (int)((high >> 32) & 0xFF);
                    var encodedDay = (int)((high >> 48) & 0xFF);
                    var month = (int)(low & 0xFF);
                    var yy = (int)((low >> 16) & 0xFF);
                    var serial = ((int)((low >> 32) & 0xFF) * 100) + (int)((low >> 48) & 0xFF);
                    var day = encodedDay > 40 ? encodedDay - 40 : encodedDay;
                    if (province >= 11 && regency != 0 && district != 0 && (uint)(day - 1) < 31
                        && (uint)(month - 1) < 12 && day <= MaxNikDay(month, yy) && serial != 0)
                    {
                        var region = (((province * 100) + regency) * 100) + district;
                        var value = (((((long)region * 100) + encodedDay) * 100_000_000) + (((month * 100) + yy) * 10_000)) + serial;
                        nik = NikValue.FromValidated(value);
                        return p + 16;
                    }
                }
            }
        }

        nik = default;
        return -1;
    }

    /// <summary>Reads a village code as <c>PP.KK.CC.DDDD</c> with every part in range.</summary>
    internal static int Village(ReadOnlySpan<byte> s, int p, out RegionCode code)
    {
        if (s.Length - p >= 13)
        {
            var cell = s.Slice(p, 13);
            if (cell[2] == '.' && cell[5] == '.' && cell[8] == '.')
            {
                var province = Digits2(cell[0], cell[1]);
                var regency = Digits2(cell[3], cell[4]);
                var district = Digits2(cell[6], cell[7]);
                var high = Digits2(cell[9], cell[10]);
                var low = Digits2(cell[11], cell[12]);
                if (province >= 11 && regency >= 1 && district >= 1 && high >= 0 && low >= 0 && (high | low) != 0)
                {
                    code = RegionCode.Village(province, regency, district, (high * 100) + low);
                    return p + 13;
                }
            }
        }

        code = default;
        return -1;
    }

    /// <summary>Reads a date as <c>yyyy-MM-dd</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Date(ReadOnlySpan<byte> s, int p, out LocalDate date)
    {
        if (s.Length - p >= 10)
        {
            unchecked
            {
                var cell = s.Slice(p, 10);
                var century = Digits2(cell[0], cell[1]);
                var yy = Digits2(cell[2], cell[3]);
                var month = Digits2(cell[5], cell[6]);
                var day = Digits2(cell[8], cell[9]);
                var year = (century * 100) + yy;
                if (cell[4] == '-' && cell[7] == '-' && (century | yy) >= 0 && year >= 1 && (uint)(month - 1) < 12 && day >= 1
                    && day <= DaysInMonth(year, month))
                {
                    date = new LocalDate(year, month, day);
                    return p + 10;
                }
            }
        }

        date = default;
        return -1;
    }

    /// <summary>Reads <c>L</c>, <c>P</c>, <c>M</c> or <c>F</c> in either case.</summary>
    internal static int Sex(ReadOnlySpan<byte> s, int p, out Sex sex)
    {
        sex = (uint)p < (uint)s.Length
            ? (s[p] | 0x20) switch
            {
                'l' or 'm' => Kependudukan.Sex.Male,
                'p' or 'f' => Kependudukan.Sex.Female,
                _ => Kependudukan.Sex.None,
            }
            : Kependudukan.Sex.None;
        return sex == Kependudukan.Sex.None ? -1 : p + 1;
    }

    /// <summary>Reads <c>WNI</c>, <c>ITAP</c> or <c>ITAS</c>.</summary>
    internal static int Citizenship(ReadOnlySpan<byte> s, int p, out Citizenship citizenship)
    {
        var rest = s[p..];
        if (rest.StartsWith("WNI"u8))
        {
            citizenship = Kependudukan.Citizenship.Wni;
            return p + 3;
        }

        citizenship = rest.StartsWith("ITAP"u8) ? Kependudukan.Citizenship.ForeignerWithItap
            : rest.StartsWith("ITAS"u8) ? Kependudukan.Citizenship.ForeignerWithItas
            : Kependudukan.Citizenship.None;
        return citizenship == Kependudukan.Citizenship.None ? -1 : p + 4;
    }

    /// <summary>Reads <c>belum kawin</c>, <c>kawin</c>, <c>cerai hidup</c> or <c>cerai mati</c>.</summary>
    internal static int MaritalStatus(ReadOnlySpan<byte> s, int p, out MaritalStatus status)
    {
        var rest = s[p..];
        var (length, value) = rest.IsEmpty ? default : rest[0] switch
        {
            (byte)'k' when rest.StartsWith("kawin"u8) => (5, Kependudukan.MaritalStatus.Married),
            (byte)'b' when rest.StartsWith("belum kawin"u8) => (11, Kependudukan.MaritalStatus.NeverMarried),
            (byte)'c' when rest.StartsWith("cerai hidup"u8) => (11, Kependudukan.MaritalStatus.Divorced),
            (byte)'c' when rest.StartsWith("cerai mati"u8) => (10, Kependudukan.MaritalStatus.Widowed),
            _ => default((int, MaritalStatus)),
        };
        status = value;
        return length == 0 ? -1 : p + length;
    }

    /// <summary>Reads <c>hidup</c>, <c>mati</c> or <c>pindah luar negeri</c>; an empty cell is <see cref="LifeStatus.Alive"/>.</summary>
    internal static int LifeStatus(ReadOnlySpan<byte> s, int p, byte separator, out LifeStatus status)
    {
        var rest = s[p..];
        if (rest.IsEmpty || IsCellEnd(rest[0], separator))
        {
            status = Kependudukan.LifeStatus.Alive;
            return p;
        }

        var (length, value) = rest[0] switch
        {
            (byte)'h' when rest.StartsWith("hidup"u8) => (5, Kependudukan.LifeStatus.Alive),
            (byte)'m' when rest.StartsWith("mati"u8) => (4, Kependudukan.LifeStatus.Deceased),
            (byte)'p' when rest.StartsWith("pindah luar negeri"u8) => (18, Kependudukan.LifeStatus.MovedAbroad),
            _ => default((int, LifeStatus)),
        };
        status = value;
        return length == 0 ? -1 : p + length;
    }

    /// <summary>Reads a SIAK status name in capitals with underscores or a village-system code 1-8; an empty cell is
    /// <see cref="KtpElStatus.Unregistered"/>.</summary>
    internal static int KtpStatus(ReadOnlySpan<byte> s, int p, byte separator, out KtpElStatus status)
    {
        var rest = s[p..];
        if (rest.IsEmpty || IsCellEnd(rest[0], separator))
        {
            status = KtpElStatus.Unregistered;
            return p;
        }

        var (length, value) = rest[0] switch
        {
            >= (byte)'1' and <= (byte)'8' => (1, VillageSystemStatus(rest[0])),
            (byte)'U' when rest.StartsWith("UNREGISTERED"u8) => (12, KtpElStatus.Unregistered),
            (byte)'B' when rest.StartsWith("BIO_CAPTURED"u8) => (12, KtpElStatus.BioCaptured),
            (byte)'P' when rest.StartsWith("PROCESSING"u8) => (10, KtpElStatus.Processing),
            (byte)'P' when rest.StartsWith("PRINT_READY_RECORD"u8) => (18, KtpElStatus.PrintReadyRecord),
            (byte)'S' when rest.StartsWith("SENT_FOR_ENROLLMENT"u8) => (19, KtpElStatus.SentForEnrollment),
            (byte)'S' when rest.StartsWith("SENT_FOR_CARD_PRINTING"u8) => (22, KtpElStatus.SentForCardPrinting),
            (byte)'S' when rest.StartsWith("SEARCH_FAILURE_AT_CENTRAL"u8) => (25, KtpElStatus.SearchFailureAtCentral),
            (byte)'R' when rest.StartsWith("RECEIVED_AT_CENTRAL"u8) => (19, KtpElStatus.ReceivedAtCentral),
            (byte)'C' when rest.StartsWith("CARD_PRINTED"u8) => (12, KtpElStatus.CardPrinted),
            (byte)'C' when rest.StartsWith("CARD_SHIPPED"u8) => (12, KtpElStatus.CardShipped),
            (byte)'C' when rest.StartsWith("CARD_ISSUED"u8) => (11, KtpElStatus.CardIssued),
            (byte)'E' when rest.StartsWith("ENROLL_FAILURE_AT_CENTRAL"u8) => (25, KtpElStatus.EnrollFailureAtCentral),
            (byte)'E' when rest.StartsWith("ENROLL_FAILURE_AT_REGIONAL"u8) => (26, KtpElStatus.EnrollFailureAtRegional),
            (byte)'D' when rest.StartsWith("DUPLICATE_RECORD"u8) => (16, KtpElStatus.DuplicateRecord),
            _ => default((int, KtpElStatus)),
        };
        status = value;
        return length == 0 ? -1 : p + length;
    }

    /// <summary>Reads <c>1</c> or <c>0</c>; an empty cell is <see langword="false"/>.</summary>
    internal static int Flag(ReadOnlySpan<byte> s, int p, byte separator, out bool value)
    {
        if ((uint)p >= (uint)s.Length || IsCellEnd(s[p], separator))
        {
            value = false;
            return p;
        }

        var b = s[p];
        value = b == '1';
        return b is (byte)'0' or (byte)'1' ? p + 1 : -1;
    }

    /// <summary>Returns whether a byte ends a cell: the separator or a line break.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsCellEnd(byte b, byte separator) => b == separator || b == '\n' || b == '\r';

    private static KtpElStatus VillageSystemStatus(byte code) => code switch
    {
        (byte)'1' or (byte)'2' => KtpElStatus.Unregistered,
        (byte)'3' => KtpElStatus.BioCaptured,
        (byte)'4' => KtpElStatus.CardPrinted,
        (byte)'5' => KtpElStatus.PrintReadyRecord,
        (byte)'6' => KtpElStatus.CardShipped,
        (byte)'7' => KtpElStatus.SentForCardPrinting,
        _ => KtpElStatus.CardIssued,
    };

    /// <summary>Returns the two-digit number, or -1 when a byte is not an ASCII digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digits2(byte a, byte b)
    {
        unchecked
        {
            uint x = (uint)(a - '0'), y = (uint)(b - '0');
            return x <= 9 && y <= 9 ? (int)((x * 10) + y) : -1;
        }
    }

    /// <summary>Returns whether every byte of a little-endian word is an ASCII digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AreEightDigits(ulong word) =>
        unchecked(((word + 0x4646464646464646) | (word - 0x3030303030303030)) & 0x8080808080808080) == 0;

    /// <summary>Turns eight ASCII digits into four two-digit numbers, in bytes 0, 2, 4 and 6.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong DigitPairs(ulong word)
    {
        var digits = unchecked(word - 0x3030303030303030);
        return unchecked((digits * 10) + (digits >> 8));
    }

    /// <summary>The largest day a NIK may encode for a month and two-digit year (29 February when the two digits are divisible
    /// by 4, since one of the centuries they stand for has it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int MaxNikDay(int month, int yy) => unchecked(month == 2 ? ((yy & 3) == 0 ? 29 : 28) : 30 + ((month + (month >> 3)) & 1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DaysInMonth(int year, int month) =>
        unchecked(month == 2 ? ((year & 3) == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28) : 30 + ((month + (month >> 3)) & 1));
}
