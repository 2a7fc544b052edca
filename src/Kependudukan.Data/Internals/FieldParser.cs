using System.Runtime.CompilerServices;
using Kependudukan.Identity;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;
using static System.FormattableString;

namespace Kependudukan.Data.Internals;

/// <summary>Parses the cells of the resident schema from characters without allocating.</summary>
/// <remarks>Each <c>TryParse*</c> method is the hot path and only says yes or no; the matching <see cref="Explain"/> builds
/// the problem text for a rejected cell. Cells are taken as they are; only when that fails is surrounding white space trimmed
/// and the cell tried again, so clean files pay nothing for it. No message quotes the cell.</remarks>
internal static class FieldParser
{
    private const int MaxWordLength = 32;

    internal static bool TryParseNik(ReadOnlySpan<char> s, out Nik nik) =>
        Nik.TryParse(s, NikStyles.None, out nik) || (HasOuterSpace(s) && Nik.TryParse(s.Trim(), NikStyles.None, out nik));

    internal static bool TryParseDomicile(ReadOnlySpan<char> s, out RegionCode code)
    {
        if (TryParseVillageExact(s, out code))
        {
            return true;
        }

        if (!RegionCode.TryParse(s, out code) && !(HasOuterSpace(s) && RegionCode.TryParse(s.Trim(), out code)))
        {
            return false;
        }

        return code.Level == RegionLevel.Village;
    }

    /// <summary>The common case: a village code as <c>PP.KK.CC.DDDD</c> or ten plain digits with every part in range;
    /// anything else falls back to <see cref="RegionCode.TryParse(ReadOnlySpan{char}, out RegionCode)"/>.</summary>
    private static bool TryParseVillageExact(ReadOnlySpan<char> s, out RegionCode code)
    {
        int province, regency, district, village;
        if (s.Length == 13 && s[2] == '.' && s[5] == '.' && s[8] == '.')
        {
            province = Digits2(s[0], s[1]);
            regency = Digits2(s[3], s[4]);
            district = Digits2(s[6], s[7]);
            village = Digits4(s[9..13]);
        }
        else if (s.Length == 10)
        {
            province = Digits2(s[0], s[1]);
            regency = Digits2(s[2], s[3]);
            district = Digits2(s[4], s[5]);
            village = Digits4(s[6..10]);
        }
        else
        {
            code = default;
            return false;
        }

        if (province >= 11 && regency >= 1 && district >= 1 && village >= 1)
        {
            code = RegionCode.Village(province, regency, district, village);
            return true;
        }

        code = default;
        return false;
    }

    /// <summary>Returns the two-digit number, or -1 when a character is not an ASCII digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digits2(char a, char b)
    {
        uint x = unchecked((uint)(a - '0')), y = unchecked((uint)(b - '0'));
        return x <= 9 && y <= 9 ? (int)((x * 10) + y) : -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digits4(ReadOnlySpan<char> s)
    {
        var high = Digits2(s[0], s[1]);
        var low = Digits2(s[2], s[3]);
        return high < 0 || low < 0 ? -1 : (high * 100) + low;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryParseDate(ReadOnlySpan<char> s, out LocalDate date) =>
        TryParseDateExact(s, out date) || (HasOuterSpace(s) && TryParseDateExact(s.Trim(), out date));

    internal static bool TryParseDateExact(ReadOnlySpan<char> s, out LocalDate date)
    {
        if (s.Length == 10 && s[4] == '-' && s[7] == '-')
        {
            // Characters below '0' wrap around to large values, so one comparison per digit checks the range.
            uint y0 = unchecked((uint)(s[0] - '0')), y1 = unchecked((uint)(s[1] - '0')), y2 = unchecked((uint)(s[2] - '0')), y3 = unchecked((uint)(s[3] - '0'));
            uint m0 = unchecked((uint)(s[5] - '0')), m1 = unchecked((uint)(s[6] - '0')), d0 = unchecked((uint)(s[8] - '0')), d1 = unchecked((uint)(s[9] - '0'));
            if (y0 <= 9 && y1 <= 9 && y2 <= 9 && y3 <= 9 && m0 <= 9 && m1 <= 9 && d0 <= 9 && d1 <= 9)
            {
                var year = (int)((y0 * 1000) + (y1 * 100) + (y2 * 10) + y3);
                var month = (int)((m0 * 10) + m1);
                var day = (int)((d0 * 10) + d1);
                if (year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DaysInMonth(year, month))
                {
                    date = new LocalDate(year, month, day);
                    return true;
                }
            }
        }

        date = default;
        return false;
    }

    internal static bool TryParseSex(ReadOnlySpan<char> s, out Sex sex)
    {
        if (s.Length == 1)
        {
            sex = (char)(s[0] | 0x20) switch
            {
                'l' or 'm' => Sex.Male,
                'p' or 'f' => Sex.Female,
                _ => Sex.None,
            };
            return sex != Sex.None;
        }

        Span<char> buffer = stackalloc char[MaxWordLength];
        sex = Normalize(s, buffer) switch
        {
            "l" or "m" or "male" or "laki laki" or "lk" => Sex.Male,
            "p" or "f" or "female" or "perempuan" or "pr" => Sex.Female,
            _ => Sex.None,
        };
        return sex != Sex.None;
    }

    internal static bool TryParseCitizenship(ReadOnlySpan<char> s, out Citizenship citizenship)
    {
        if (s is "WNI")
        {
            citizenship = Citizenship.Wni;
            return true;
        }

        Span<char> buffer = stackalloc char[MaxWordLength];
        citizenship = Normalize(s, buffer) switch
        {
            "wni" => Citizenship.Wni,
            "itap" or "kitap" => Citizenship.ForeignerWithItap,
            "itas" or "kitas" => Citizenship.ForeignerWithItas,
            _ => Citizenship.None,
        };
        return citizenship != Citizenship.None;
    }

    internal static bool TryParseMaritalStatus(ReadOnlySpan<char> s, out MaritalStatus status)
    {
        status = s switch
        {
            "kawin" => MaritalStatus.Married,
            "belum kawin" => MaritalStatus.NeverMarried,
            "cerai hidup" => MaritalStatus.Divorced,
            "cerai mati" => MaritalStatus.Widowed,
            _ => MaritalStatus.None,
        };
        return status != MaritalStatus.None || TryParseMaritalStatusWord(s, out status);
    }

    private static bool TryParseMaritalStatusWord(ReadOnlySpan<char> s, out MaritalStatus status)
    {
        Span<char> buffer = stackalloc char[MaxWordLength];
        status = Normalize(s, buffer) switch
        {
            "belum kawin" or "never married" or "single" => MaritalStatus.NeverMarried,
            "kawin" or "married" => MaritalStatus.Married,
            "cerai hidup" or "divorced" => MaritalStatus.Divorced,
            "cerai mati" or "widowed" => MaritalStatus.Widowed,
            _ => MaritalStatus.None,
        };
        return status != MaritalStatus.None;
    }

    internal static bool TryParseLifeStatus(ReadOnlySpan<char> s, out LifeStatus status)
    {
        status = s switch
        {
            "hidup" or "" => LifeStatus.Alive,
            "mati" => LifeStatus.Deceased,
            "pindah luar negeri" => LifeStatus.MovedAbroad,
            _ => LifeStatus.None,
        };
        return status != LifeStatus.None || TryParseLifeStatusWord(s, out status);
    }

    private static bool TryParseLifeStatusWord(ReadOnlySpan<char> s, out LifeStatus status)
    {
        Span<char> buffer = stackalloc char[MaxWordLength];
        status = Normalize(s, buffer) switch
        {
            "" or "hidup" or "alive" => LifeStatus.Alive,
            "mati" or "meninggal" or "deceased" or "dead" => LifeStatus.Deceased,
            "pindah luar negeri" or "luar negeri" or "moved abroad" or "abroad" => LifeStatus.MovedAbroad,
            _ => LifeStatus.None,
        };
        return status != LifeStatus.None;
    }

    /// <summary>Parses a SIAK status name (any case, <c>_</c>, <c>-</c> or space between words, or <c>PRR</c>) or a
    /// village-system code 1-8 with <see cref="KtpElStatusParser"/>; an empty cell is <see cref="KtpElStatus.Unregistered"/>.</summary>
    internal static bool TryParseKtpStatus(ReadOnlySpan<char> s, out KtpElStatus status)
    {
        if (s.IsWhiteSpace())
        {
            status = KtpElStatus.Unregistered;
            return true;
        }

        return KtpElStatusParser.TryParse(s, KtpElStatusStyles.AllowWordSeparators | KtpElStatusStyles.AllowAbbreviations, out status);
    }

    internal static bool TryParseFlag(ReadOnlySpan<char> s, out bool value)
    {
        if (s.Length == 1 && s[0] is '0' or '1')
        {
            value = s[0] == '1';
            return true;
        }

        Span<char> buffer = stackalloc char[MaxWordLength];
        switch (Normalize(s, buffer))
        {
            case "" or "0" or "false" or "tidak" or "no":
                value = false;
                return true;
            case "1" or "true" or "ya" or "yes":
                value = true;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Describes why a non-empty cell was rejected, without quoting it.</summary>
    internal static string Explain(int field, ReadOnlySpan<char> s)
    {
        s = s.Trim();
        switch (field)
        {
            case Field.Nik:
                return ExplainFormat(s.ToString(), static text => Nik.Parse(text), "NIK");
            case Field.Domicile:
                if (RegionCode.TryParse(s, out var code))
                {
                    return Invariant($"The domicile should be a village code (PP.KK.CC.DDDD); got a code at level {code.Level}.");
                }

                return ExplainFormat(s.ToString(), static text => RegionCode.Parse(text), "region code");
            case Field.BirthDate or Field.PermitExpiry or Field.LifeStatusDate or Field.RecordingDate:
                return ExplainDate(s);
            case Field.Sex:
                return "Expected a sex code: L or P, M or F, male or female, laki-laki or perempuan.";
            case Field.Citizenship:
                return IsWord(s, "wna")
                    ? "WNA does not say which stay permit the foreigner holds; use ITAP or ITAS."
                    : "Expected a citizenship code: WNI, ITAP (KITAP) or ITAS (KITAS).";
            case Field.MaritalStatus:
                return "Expected a marital status: belum kawin, kawin, cerai hidup, cerai mati (or never married, married, divorced, widowed).";
            case Field.LifeStatus:
                return "Expected a life status: hidup, mati, pindah luar negeri (or alive, deceased, moved abroad).";
            case Field.KtpStatus:
                return s.Length > 0 && char.IsAsciiDigit(s[0])
                    ? "A village-system KTP-el status code should be in range [1-8]."
                    : "Expected a SIAK KTP-el status name (for example PRINT_READY_RECORD) or a village-system code 1-8.";
            default:
                return "Expected a yes/no value: 1 or 0, true or false, ya or tidak, yes or no.";
        }
    }

    private static string ExplainDate(ReadOnlySpan<char> s)
    {
        if (s.Length != 10 || s[4] != '-' || s[7] != '-')
        {
            return Invariant($"Expected a date as yyyy-MM-dd (10 characters); got {s.Length} characters.");
        }

        for (var i = 0; i < 10; i++)
        {
            if (i is not (4 or 7) && !char.IsAsciiDigit(s[i]))
            {
                return Invariant($"Expected an ASCII digit at position {i + 1} of the yyyy-MM-dd date.");
            }
        }

        var year = int.Parse(s[..4], System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(s[5..7], System.Globalization.CultureInfo.InvariantCulture);
        if (year == 0)
        {
            return "The year of the date should be in range [0001-9999].";
        }

        return month is < 1 or > 12
            ? "The month of the date should be in range [01-12]."
            : Invariant($"The day of the date should be in range [01-{DaysInMonth(year, month):00}] for its month and year.");
    }

    private static string ExplainFormat(string text, Action<string> parse, string what)
    {
        try
        {
            parse(text);
            return Invariant($"The {what} is valid here but not accepted in this column.");
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    private static bool IsWord(ReadOnlySpan<char> s, string word)
    {
        Span<char> buffer = stackalloc char[MaxWordLength];
        return Normalize(s, buffer).SequenceEqual(word);
    }

    /// <summary>Lower-cases ASCII letters, turns <c>_</c> and <c>-</c> into spaces and trims; returns a sentinel that
    /// matches no word when the cell is too long or not ASCII.</summary>
    private static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> s, Span<char> buffer)
    {
        s = s.Trim();
        if (s.Length > buffer.Length)
        {
            return "\0";
        }

        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c > 127)
            {
                return "\0";
            }

            buffer[i] = c is '_' or '-' ? ' ' : char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
        }

        return buffer[..s.Length];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasOuterSpace(ReadOnlySpan<char> s) => s.Length > 0 && (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DaysInMonth(int year, int month) =>
        month == 2 ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28) : 30 + ((month + (month >> 3)) & 1);
}
