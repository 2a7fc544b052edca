using System.Runtime.CompilerServices;
using Kependudukan.Identity;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Data.Internals;

/// <summary>Parses cells in the shape the writers produce (and SIAK exports use) straight from UTF-8 bytes, a word at a time.</summary>
/// <remarks>
/// <para>Each method reads the cell that starts at <c>cell</c> and returns its length, or -1 when it does not start in the
/// common shape; the caller then checks that a separator or line end follows. The caller guarantees that
/// <see cref="Window"/> bytes from <c>cell</c> on are readable, so the methods load whole words without bounds checks.</para>
/// <para>A cell accepted here is accepted with the same value by <see cref="FieldParser"/>; any other cell (other spellings,
/// white space, quotes, wrong values) is left to <see cref="FieldParser"/>, which also explains rejections.</para>
/// </remarks>
internal static class Utf8FieldParser
{
    /// <summary>The bytes from the start of a cell that must be readable: the longest token (26) plus a word, rounded up.</summary>
    internal const int Window = 64;

    private const ulong Zeros = 0x3030303030303030;

    // Word-sized pieces of the words the readers know, little-endian, as the bytes appear in the input.
    private static readonly Token[] s_ktpTokens =
    [
        new("UNREGISTERED", (int)KtpElStatus.Unregistered),
        new("BIO_CAPTURED", (int)KtpElStatus.BioCaptured),
        new("PROCESSING", (int)KtpElStatus.Processing),
        new("SENT_FOR_ENROLLMENT", (int)KtpElStatus.SentForEnrollment),
        new("RECEIVED_AT_CENTRAL", (int)KtpElStatus.ReceivedAtCentral),
        new("PRINT_READY_RECORD", (int)KtpElStatus.PrintReadyRecord),
        new("SENT_FOR_CARD_PRINTING", (int)KtpElStatus.SentForCardPrinting),
        new("CARD_PRINTED", (int)KtpElStatus.CardPrinted),
        new("CARD_SHIPPED", (int)KtpElStatus.CardShipped),
        new("CARD_ISSUED", (int)KtpElStatus.CardIssued),
        new("ENROLL_FAILURE_AT_CENTRAL", (int)KtpElStatus.EnrollFailureAtCentral),
        new("SEARCH_FAILURE_AT_CENTRAL", (int)KtpElStatus.SearchFailureAtCentral),
        new("ENROLL_FAILURE_AT_REGIONAL", (int)KtpElStatus.EnrollFailureAtRegional),
        new("DUPLICATE_RECORD", (int)KtpElStatus.DuplicateRecord),
    ];

    private static readonly Token[] s_maritalTokens =
    [
        new("belum kawin", (int)Kependudukan.MaritalStatus.NeverMarried),
        new("kawin", (int)Kependudukan.MaritalStatus.Married),
        new("cerai hidup", (int)Kependudukan.MaritalStatus.Divorced),
        new("cerai mati", (int)Kependudukan.MaritalStatus.Widowed),
    ];

    private static readonly Token[] s_lifeTokens =
    [
        new("hidup", (int)Kependudukan.LifeStatus.Alive),
        new("mati", (int)Kependudukan.LifeStatus.Deceased),
        new("pindah luar negeri", (int)Kependudukan.LifeStatus.MovedAbroad),
    ];

    private static readonly Token[] s_citizenshipTokens =
    [
        new("WNI", (int)Kependudukan.Citizenship.Wni),
        new("ITAP", (int)Kependudukan.Citizenship.ForeignerWithItap),
        new("ITAS", (int)Kependudukan.Citizenship.ForeignerWithItas),
    ];

    /// <summary>Reads 16 ASCII digits as a NIK, with the checks of <see cref="Identity.Nik.TryParse(ReadOnlySpan{char}, NikStyles, out Identity.Nik)"/>.</summary>
    internal static int Nik(ref byte cell, out Nik nik)
    {
        var high = Word(ref cell, 0);
        var low = Word(ref cell, 8);
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
                    return 16;
                }
            }
        }

        nik = default;
        return -1;
    }

    /// <summary>Reads a village code as <c>PP.KK.CC.DDDD</c> with every part in range.</summary>
    internal static int Village(ref byte cell, out RegionCode code)
    {
        unchecked
        {
            // PP.KK.CC and .DDDD: the dots become zeros, so one check covers every digit.
            const ulong dots = 0x0000_FF00_00FF_0000;
            var head = Word(ref cell, 0);
            var tail = Word(ref cell, 8) & 0xFF_FFFF_FFFF;
            if ((head & dots) == 0x0000_2E00_002E_0000 && (tail & 0xFF) == '.'
                && AreEightDigits((head & ~dots) | 0x0000_3000_0030_0000) && AreEightDigits((tail & 0xFF_FFFF_FF00) | 0x3030_3000_0000_0030))
            {
                var pairs = DigitPairs((head & ~dots) | 0x0000_3000_0030_0000);
                var province = (int)(pairs & 0xFF);
                var regency = (int)(((head >> 24) & 0xF) * 10) + (int)((head >> 32) & 0xF);
                var district = (int)((pairs >> 48) & 0xFF);
                var village = ((int)((tail >> 8) & 0xF) * 1000) + ((int)((tail >> 16) & 0xF) * 100) + ((int)((tail >> 24) & 0xF) * 10)
                    + (int)((tail >> 32) & 0xF);
                if (province >= 11 && regency != 0 && district != 0 && village != 0)
                {
                    code = RegionCode.Village(province, regency, district, village);
                    return 13;
                }
            }
        }

        code = default;
        return -1;
    }

    /// <summary>Reads a date as <c>yyyy-MM-dd</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Date(ref byte cell, out LocalDate date)
    {
        unchecked
        {
            // yyyy-MM- and dd: the dashes become zeros, so one check covers the year and month digits.
            const ulong dashes = 0xFF00_00FF_0000_0000;
            var head = Word(ref cell, 0);
            var tail = (uint)Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref cell, 8));
            var digits = (head & ~dashes) | 0x3000_0030_0000_0000;
            if ((head & dashes) == 0x2D00_002D_0000_0000 && AreEightDigits(digits)
                && (uint)((tail & 0xFF) - '0') <= 9 && (uint)((tail >> 8) - '0') <= 9)
            {
                var pairs = DigitPairs(digits);
                var year = ((int)(pairs & 0xFF) * 100) + (int)((pairs >> 16) & 0xFF);
                var month = (int)(((head >> 40) & 0xF) * 10) + (int)((head >> 48) & 0xF);
                var day = (int)(((tail & 0xF) * 10) + ((tail >> 8) & 0xF));
                if (year >= 1 && (uint)(month - 1) < 12 && day >= 1 && day <= DaysInMonth(year, month))
                {
                    date = new LocalDate(year, month, day);
                    return 10;
                }
            }
        }

        date = default;
        return -1;
    }

    /// <summary>Reads <c>L</c>, <c>P</c>, <c>M</c> or <c>F</c> in either case.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Sex(ref byte cell, out Sex sex)
    {
        sex = (cell | 0x20) switch
        {
            'l' or 'm' => Kependudukan.Sex.Male,
            'p' or 'f' => Kependudukan.Sex.Female,
            _ => Kependudukan.Sex.None,
        };
        return sex == Kependudukan.Sex.None ? -1 : 1;
    }

    /// <summary>Reads <c>WNI</c>, <c>ITAP</c> or <c>ITAS</c>.</summary>
    internal static int Citizenship(ref byte cell, out Citizenship citizenship)
    {
        var length = Match(ref cell, s_citizenshipTokens, out var value);
        citizenship = (Citizenship)value;
        return length;
    }

    /// <summary>Reads <c>belum kawin</c>, <c>kawin</c>, <c>cerai hidup</c> or <c>cerai mati</c>.</summary>
    internal static int MaritalStatus(ref byte cell, out MaritalStatus status)
    {
        var length = Match(ref cell, s_maritalTokens, out var value);
        status = (MaritalStatus)value;
        return length;
    }

    /// <summary>Reads <c>hidup</c>, <c>mati</c> or <c>pindah luar negeri</c>; an empty cell is <see cref="LifeStatus.Alive"/>.</summary>
    internal static int LifeStatus(ref byte cell, byte separator, out LifeStatus status)
    {
        if (IsCellEnd(cell, separator))
        {
            status = Kependudukan.LifeStatus.Alive;
            return 0;
        }

        var length = Match(ref cell, s_lifeTokens, out var value);
        status = (LifeStatus)value;
        return length;
    }

    /// <summary>Reads a SIAK status name in capitals with underscores or a village-system code 1-8; an empty cell is
    /// <see cref="KtpElStatus.Unregistered"/>.</summary>
    internal static int KtpStatus(ref byte cell, byte separator, out KtpElStatus status)
    {
        if (IsCellEnd(cell, separator))
        {
            status = KtpElStatus.Unregistered;
            return 0;
        }

        if (unchecked((uint)(cell - '1')) < 8)
        {
            status = VillageSystemStatus(cell);
            return 1;
        }

        var length = Match(ref cell, s_ktpTokens, out var value);
        status = (KtpElStatus)value;
        return length;
    }

    /// <summary>Reads <c>1</c> or <c>0</c>; an empty cell is <see langword="false"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Flag(ref byte cell, byte separator, out bool value)
    {
        value = cell == '1';
        return cell is (byte)'0' or (byte)'1' ? 1 : IsCellEnd(cell, separator) ? 0 : -1;
    }

    /// <summary>Returns whether a byte ends a cell: the separator or a line break.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsCellEnd(byte b, byte separator) => b == separator || b == '\n' || b == '\r';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Word(ref byte cell, int offset) => Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref cell, offset));

    /// <summary>Finds the token the cell starts with; returns its length and value, or -1 and 0.</summary>
    private static int Match(ref byte cell, Token[] tokens, out int value)
    {
        var head = Word(ref cell, 0);
        foreach (var token in tokens)
        {
            if ((head & token.HeadMask) == token.Head && (token.Length <= 8 || Word(ref cell, token.Length - 8) == token.Tail))
            {
                value = token.Value;
                return token.Length;
            }
        }

        value = 0;
        return -1;
    }

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

    /// <summary>Returns whether every byte of a little-endian word is an ASCII digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AreEightDigits(ulong word) =>
        unchecked(((word + 0x4646464646464646) | (word - Zeros)) & 0x8080808080808080) == 0;

    /// <summary>Turns eight ASCII digits into four two-digit numbers, in bytes 0, 2, 4 and 6.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong DigitPairs(ulong word)
    {
        var digits = unchecked(word - Zeros);
        return unchecked((digits * 10) + (digits >> 8));
    }

    /// <summary>The largest day a NIK may encode for a month and two-digit year (29 February when the two digits are divisible
    /// by 4, since one of the centuries they stand for has it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int MaxNikDay(int month, int yy) => unchecked(month == 2 ? ((yy & 3) == 0 ? 29 : 28) : 30 + ((month + (month >> 3)) & 1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DaysInMonth(int year, int month) =>
        unchecked(month == 2 ? ((year & 3) == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28) : 30 + ((month + (month >> 3)) & 1));

    /// <summary>A word the readers know, as little-endian words: the first 8 bytes (masked to the word's length when shorter)
    /// and, for a longer word, its last 8 bytes.</summary>
    private readonly struct Token
    {
        internal Token(string text, int value)
        {
            Span<byte> bytes = stackalloc byte[32];
            bytes.Clear();
            var length = System.Text.Encoding.ASCII.GetBytes(text, bytes);
            Length = length;
            Value = value;
            HeadMask = length >= 8 ? ulong.MaxValue : (1UL << (8 * length)) - 1;
            Head = BitConverter.ToUInt64(bytes) & HeadMask;
            Tail = length > 8 ? BitConverter.ToUInt64(bytes[(length - 8)..]) : 0;
        }

        internal ulong Head { get; }

        internal ulong HeadMask { get; }

        internal ulong Tail { get; }

        internal int Length { get; }

        internal int Value { get; }
    }
}
