using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text;
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
    private static readonly TokenTable s_ktpTokens = new(
    [
        ("UNREGISTERED", (int)KtpElStatus.Unregistered),
        ("BIO_CAPTURED", (int)KtpElStatus.BioCaptured),
        ("PROCESSING", (int)KtpElStatus.Processing),
        ("SENT_FOR_ENROLLMENT", (int)KtpElStatus.SentForEnrollment),
        ("RECEIVED_AT_CENTRAL", (int)KtpElStatus.ReceivedAtCentral),
        ("PRINT_READY_RECORD", (int)KtpElStatus.PrintReadyRecord),
        ("SENT_FOR_CARD_PRINTING", (int)KtpElStatus.SentForCardPrinting),
        ("CARD_PRINTED", (int)KtpElStatus.CardPrinted),
        ("CARD_SHIPPED", (int)KtpElStatus.CardShipped),
        ("CARD_ISSUED", (int)KtpElStatus.CardIssued),
        ("ENROLL_FAILURE_AT_CENTRAL", (int)KtpElStatus.EnrollFailureAtCentral),
        ("SEARCH_FAILURE_AT_CENTRAL", (int)KtpElStatus.SearchFailureAtCentral),
        ("ENROLL_FAILURE_AT_REGIONAL", (int)KtpElStatus.EnrollFailureAtRegional),
        ("DUPLICATE_RECORD", (int)KtpElStatus.DuplicateRecord),
    ]);

    private static readonly TokenTable s_maritalTokens = new(
    [
        ("belum kawin", (int)Kependudukan.MaritalStatus.NeverMarried),
        ("kawin", (int)Kependudukan.MaritalStatus.Married),
        ("cerai hidup", (int)Kependudukan.MaritalStatus.Divorced),
        ("cerai mati", (int)Kependudukan.MaritalStatus.Widowed),
    ]);

    private static readonly TokenTable s_lifeTokens = new(
    [
        ("hidup", (int)Kependudukan.LifeStatus.Alive),
        ("mati", (int)Kependudukan.LifeStatus.Deceased),
        ("pindah luar negeri", (int)Kependudukan.LifeStatus.MovedAbroad),
    ]);

    private static readonly TokenTable s_citizenshipTokens = new(
    [
        ("WNI", (int)Kependudukan.Citizenship.Wni),
        ("ITAP", (int)Kependudukan.Citizenship.ForeignerWithItap),
        ("ITAS", (int)Kependudukan.Citizenship.ForeignerWithItas),
    ]);

    /// <summary>The <see cref="Kependudukan.Sex"/> of each byte: <c>L</c>, <c>l</c>, <c>M</c>, <c>m</c> male, <c>P</c>, <c>p</c>,
    /// <c>F</c>, <c>f</c> female, anything else <see cref="Sex.None"/>.</summary>
    private static ReadOnlySpan<byte> SexCodes =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    /// <summary>Reads 16 ASCII digits as a NIK, with the checks of <see cref="Identity.Nik.TryParse(ReadOnlySpan{char}, NikStyles, out Identity.Nik)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Nik(ref byte cell, out Nik nik)
    {
        var length = Nik(ref cell, out long value, out _);
        nik = length < 0 ? default : NikValue.FromValidated(value);
        return length;
    }

    /// <summary>Reads 16 ASCII digits as a NIK's value (checked as <see cref="Nik(ref byte, out Identity.Nik)"/> checks it),
    /// with its birth digits DDMMYY as the number <c>DD * 10,000 + MM * 100 + YY</c> (DD above 40 for women).</summary>
    internal static int Nik(ref byte cell, out long nik, out int birthDigits)
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
                    birthDigits = (((encodedDay * 100) + month) * 100) + yy;
                    nik = ((((long)region * 100) + encodedDay) * 100_000_000) + (((month * 100) + yy) * 10_000) + serial;
                    return 16;
                }
            }
        }

        nik = 0;
        birthDigits = 0;
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
        var length = Date(ref cell, out int year, out int month, out int day);
        date = length < 0 ? default : new LocalDate(year, month, day);
        return length;
    }

    /// <summary>Reads a date as <c>yyyy-MM-dd</c> into its parts, checked as <see cref="LocalDate"/> would check them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Date(ref byte cell, out int year, out int month, out int day)
    {
        if (DateDigits(ref cell, out year, out month, out day) && year >= 1 && unchecked((uint)(month - 1)) < 12 && day >= 1
            && day <= DaysInMonth(year, month))
        {
            return 10;
        }

        year = month = day = 0;
        return -1;
    }

    /// <summary>Reads a date as <c>yyyy-MM-dd</c> in the years a table can store (1900-2079) as its days from 1900-01-01, with
    /// two small tables instead of calendar arithmetic; any other cell, or a valid date of another year, is left to
    /// <see cref="Date(ref byte, out int, out int, out int)"/> (-1). The caller still checks the last storable day.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int StorableDate(ref byte cell, out int days) => StorableDate(ref cell, out days, out _);

    /// <summary>Reads a date as <see cref="StorableDate(ref byte, out int)"/> does, with its digits DDMMYY as the number
    /// <c>DD * 10,000 + MM * 100 + YY</c> (as a NIK encodes a man's birth date).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int StorableDate(ref byte cell, out int days, out int birthDigits)
    {
        unchecked
        {
            if (DateDigits(ref cell, out var year, out var month, out var day) && (uint)(year - FirstStorableYear) < StorableYears
                && (uint)(month - 1) < 12)
            {
                // Within 1900-2079 a year is a leap year when divisible by 4, except 1900.
                var monthIndex = month - 1 + (((year & 3) == 0) & (year != FirstStorableYear) ? 12 : 0);
                if (day >= 1 && day <= MonthLengths[monthIndex])
                {
                    days = s_yearStarts[year - FirstStorableYear] + MonthStarts[monthIndex] + day - 1;
                    birthDigits = (((day * 100) + month) * 100) + (year % 100);
                    return 10;
                }
            }
        }

        days = birthDigits = 0;
        return -1;
    }

    /// <summary>Reads the digits of <c>yyyy-MM-dd</c>, with no range check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool DateDigits(ref byte cell, out int year, out int month, out int day)
    {
        unchecked
        {
            // yyyy-MM- and dd: the dashes become zeros, so one check covers the year and month digits.
            const ulong dashes = 0xFF00_00FF_0000_0000;
            var head = Word(ref cell, 0);
            var tail = (uint)Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref cell, 8));
            var digits = (head & ~dashes) | 0x3000_0030_0000_0000;
            var pairs = DigitPairs(digits);
            year = ((int)(pairs & 0xFF) * 100) + (int)((pairs >> 16) & 0xFF);
            month = (int)(((head >> 40) & 0xF) * 10) + (int)((head >> 48) & 0xF);
            day = (int)(((tail & 0xF) * 10) + ((tail >> 8) & 0xF));
            return (head & dashes) == 0x2D00_002D_0000_0000 && AreEightDigits(digits)
                && (uint)((tail & 0xFF) - '0') <= 9 && (uint)((tail >> 8) - '0') <= 9;
        }
    }

    /// <summary>Reads <c>L</c>, <c>P</c>, <c>M</c> or <c>F</c> in either case, with a table look-up rather than a branch (the
    /// sexes alternate at random from row to row).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Sex(ref byte cell, out Sex sex)
    {
        sex = (Sex)SexCodes[cell];
        return sex == Kependudukan.Sex.None ? -1 : 1;
    }

    /// <summary>Reads <c>WNI</c>, <c>ITAP</c> or <c>ITAS</c>. The word readers take <c>separatorFollows</c> when the layout
    /// puts a separator after the cell (see <see cref="TokenTable.Match"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Citizenship(ref byte cell, byte separator, out Citizenship citizenship, bool separatorFollows = false)
    {
        var length = s_citizenshipTokens.Match(ref cell, separator, separatorFollows, out var value);
        citizenship = (Citizenship)value;
        return length;
    }

    /// <summary>Reads <c>belum kawin</c>, <c>kawin</c>, <c>cerai hidup</c> or <c>cerai mati</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int MaritalStatus(ref byte cell, byte separator, out MaritalStatus status, bool separatorFollows = false)
    {
        var length = s_maritalTokens.Match(ref cell, separator, separatorFollows, out var value);
        status = (MaritalStatus)value;
        return length;
    }

    /// <summary>Reads <c>hidup</c>, <c>mati</c> or <c>pindah luar negeri</c>; an empty cell is <see cref="LifeStatus.Alive"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int LifeStatus(ref byte cell, byte separator, out LifeStatus status, bool separatorFollows = false)
    {
        if (IsCellEnd(cell, separator))
        {
            status = Kependudukan.LifeStatus.Alive;
            return 0;
        }

        var length = s_lifeTokens.Match(ref cell, separator, separatorFollows, out var value);
        status = (LifeStatus)value;
        return length;
    }

    /// <summary>Reads a SIAK status name in capitals with underscores or a village-system code 1-8; an empty cell is
    /// <see cref="KtpElStatus.Unregistered"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int KtpStatus(ref byte cell, byte separator, out KtpElStatus status, bool separatorFollows = false)
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

        var length = s_ktpTokens.Match(ref cell, separator, separatorFollows, out var value);
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

    private const int FirstStorableYear = 1900;
    private const int StorableYears = 180;

    /// <summary>The days from 1900-01-01 to the first day of each year from 1900 to 2079.</summary>
    private static readonly int[] s_yearStarts =
        [.. Enumerable.Range(FirstStorableYear, StorableYears).Select(year => Period.Between(new LocalDate(FirstStorableYear, 1, 1), new LocalDate(year, 1, 1), PeriodUnits.Days).Days)];

    /// <summary>The days of each month, in a common year and then in a leap year.</summary>
    private static ReadOnlySpan<byte> MonthLengths => [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    /// <summary>The days from the first of January to the first of each month, in a common year and then in a leap year.</summary>
    private static ReadOnlySpan<short> MonthStarts => [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DaysInMonth(int year, int month) =>
        unchecked(month == 2 ? ((year & 3) == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28) : 30 + ((month + (month >> 3)) & 1));

    /// <summary>The words one column knows, looked up by the whole cell at once: the cell's length (up to the first separator or
    /// line break within 32 bytes) and its bytes, masked to that length, pick one slot of a table with no collisions between
    /// the words, and one 32-byte compare confirms the word. No branch depends on which word the cell holds.</summary>
    private sealed class TokenTable
    {
        private static readonly Vector256<byte> s_indices = Vector256.Create(
            (byte)0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31);

        private readonly Entry[] _slots;
        private readonly int _shift;

        internal TokenTable(params (string Text, int Value)[] words)
        {
            // The smallest power-of-two table in which no two words share a slot (two words whose slot keys are equal would
            // share one at every size: caught here rather than looping on).
            for (var bits = 4; ; bits++)
            {
                if (bits > 16)
                {
                    throw new InvalidOperationException("Two words of a token table have the same slot key.");
                }

                _slots = new Entry[1 << bits];
                _shift = 64 - bits;
                var distinct = true;
                foreach (var (text, value) in words)
                {
                    var bytes = Vector256.Create(Encoding.ASCII.GetBytes(text.PadRight(32, '\0')));
                    ref var slot = ref _slots[Slot(bytes, text.Length)];
                    distinct &= slot.Length == 0;
                    slot = new Entry(bytes, text.Length, value);
                }

                if (distinct)
                {
                    break;
                }
            }
        }

        /// <summary>Reads the word the cell holds; returns its length and value, or -1 and 0.</summary>
        /// <param name="cell">The cell's first byte.</param>
        /// <param name="separator">The separator.</param>
        /// <param name="separatorFollows">Whether the layout puts a separator after the cell, never a line end: the cell then
        /// ends at the first separator only (a line break before it makes the word unknown, as it should).</param>
        /// <param name="value">The word's value.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal int Match(ref byte cell, byte separator, bool separatorFollows, out int value)
        {
            var bytes = Vector256.LoadUnsafe(ref cell);
            var ends = Vector256.Equals(bytes, Vector256.Create(separator));
            if (!separatorFollows)
            {
                ends |= Vector256.Equals(bytes, Vector256.Create((byte)'\n')) | Vector256.Equals(bytes, Vector256.Create((byte)'\r'));
            }

            var length = BitOperations.TrailingZeroCount(ends.ExtractMostSignificantBits() | (1UL << 32));
            var word = bytes & Vector256.LessThan(s_indices, Vector256.Create((byte)length));
            ref readonly var entry = ref _slots[Slot(word, length)];
            // An empty slot has length 0, and so has an empty cell: no word is empty.
            if (entry.Length == length && length != 0 && entry.Bytes == word)
            {
                value = entry.Value;
                return length;
            }

            value = 0;
            return -1;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int Slot(Vector256<byte> word, int length)
        {
            // The first eight bytes and the length tell every word of a column apart (words that share their first eight bytes
            // differ in length), and the full compare after the look-up confirms the rest.
            var mixed = word.AsUInt64().ToScalar() ^ ((ulong)length << 56);
            return (int)unchecked(mixed * 0x9E37_79B9_7F4A_7C15UL >> _shift);
        }

        private readonly record struct Entry(Vector256<byte> Bytes, int Length, int Value);
    }
}
