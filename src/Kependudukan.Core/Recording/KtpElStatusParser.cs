using System.Diagnostics.CodeAnalysis;
using static System.FormattableString;

namespace Kependudukan.Recording;

/// <summary>Reads KTP-el statuses as importers meet them: SIAK status names and village-system (OpenSID) codes.</summary>
/// <remarks>
/// <para>SIAK names are the upper-case forms such as <c>PRINT_READY_RECORD</c> (see <see cref="GetSiakName"/>); they are
/// matched case-insensitively, ignoring surrounding white space. Village-system codes are <c>"1"</c> to <c>"8"</c>, mapped
/// as <see cref="FromVillageSystemCode(VillageSystemStatusCode)"/> describes.</para>
/// </remarks>
/// <threadsafety>This type is stateless and safe to use from any thread.</threadsafety>
public static class KtpElStatusParser
{
    private static readonly string[] s_siakNames =
    [
        string.Empty,
        "UNREGISTERED",
        "BIO_CAPTURED",
        "PROCESSING",
        "SENT_FOR_ENROLLMENT",
        "RECEIVED_AT_CENTRAL",
        "PRINT_READY_RECORD",
        "SENT_FOR_CARD_PRINTING",
        "CARD_PRINTED",
        "CARD_SHIPPED",
        "CARD_ISSUED",
        "ENROLL_FAILURE_AT_CENTRAL",
        "SEARCH_FAILURE_AT_CENTRAL",
        "ENROLL_FAILURE_AT_REGIONAL",
        "DUPLICATE_RECORD",
    ];

    private static readonly KtpElStatus[] s_villageSystemStatuses =
    [
        KtpElStatus.None,
        KtpElStatus.Unregistered,
        KtpElStatus.Unregistered,
        KtpElStatus.BioCaptured,
        KtpElStatus.CardPrinted,
        KtpElStatus.PrintReadyRecord,
        KtpElStatus.CardShipped,
        KtpElStatus.SentForCardPrinting,
        KtpElStatus.CardIssued,
    ];

    /// <summary>Parses a SIAK status name or a village-system code.</summary>
    /// <param name="text">A SIAK name such as <c>"PRINT_READY_RECORD"</c> (any case) or a code <c>"1"</c> to <c>"8"</c>.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is neither; the message names the value and what is accepted.</exception>
    public static KtpElStatus Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var status)
            ? status
            : throw new FormatException(Invariant($"{DescribeValue(text)} is not a SIAK KTP-el status name ({string.Join(", ", s_siakNames.Skip(1))}) or a village-system status code 1-8."));
    }

    /// <summary>Tries to parse a SIAK status name or a village-system code; never throws.</summary>
    /// <param name="text">The text, or <see langword="null"/>.</param>
    /// <param name="status">The status, or <see cref="KtpElStatus.None"/> on failure.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a SIAK name or a code 1 to 8.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out KtpElStatus status)
    {
        if (text is null)
        {
            status = KtpElStatus.None;
            return false;
        }

        return TryParse(text, KtpElStatusStyles.None, out status);
    }

    /// <summary>Tries to parse a SIAK status name, a village-system code or, as <paramref name="styles"/> allows, another
    /// spelling of a name; never throws and allocates nothing.</summary>
    /// <param name="text">The text; white space around it is ignored.</param>
    /// <param name="styles">The other spellings to accept.</param>
    /// <param name="status">The status, or <see cref="KtpElStatus.None"/> on failure.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a SIAK name (any case), a code 1 to 8, or a spelling
    /// <paramref name="styles"/> allows.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, KtpElStatusStyles styles, out KtpElStatus status)
    {
        status = KtpElStatus.None;
        var span = text.Trim();
        if (span.Length == 1)
        {
            if (span[0] is >= '1' and <= '8')
            {
                status = s_villageSystemStatuses[span[0] - '0'];
                return true;
            }

            return false;
        }

        if ((styles & KtpElStatusStyles.AllowAbbreviations) != 0 && span.Equals("PRR", StringComparison.OrdinalIgnoreCase))
        {
            status = KtpElStatus.PrintReadyRecord;
            return true;
        }

        var separators = (styles & KtpElStatusStyles.AllowWordSeparators) != 0;
        for (var i = 1; i < s_siakNames.Length; i++)
        {
            if (IsName(span, s_siakNames[i], separators))
            {
                status = (KtpElStatus)i;
                return true;
            }
        }

        return false;
    }

    /// <summary>Compares text with an upper-case SIAK name, ignoring the case of ASCII letters and, when
    /// <paramref name="separators"/> is set, taking a space or a hyphen for an underscore.</summary>
    private static bool IsName(ReadOnlySpan<char> text, string name, bool separators)
    {
        if (text.Length != name.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var expected = name[i];
            var same = expected == '_'
                ? c == '_' || (separators && c is ' ' or '-')
                : char.IsAsciiLetter(c) && (char)(c & ~0x20) == expected;
            if (!same)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Maps a village-system (OpenSID) status code to a SIAK status.</summary>
    /// <param name="code">The code, 1 to 8.</param>
    /// <returns>The status, as <see cref="FromVillageSystemCode(VillageSystemStatusCode)"/> maps it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is outside 1 to 8.</exception>
    public static KtpElStatus FromVillageSystemCode(int code) =>
        code is >= 1 and <= 8
            ? s_villageSystemStatuses[code]
            : throw new ArgumentOutOfRangeException(nameof(code), code, Invariant($"A village-system KTP-el status code is 1 to 8; got {code}."));

    /// <summary>Maps a village-system (OpenSID) status code to a SIAK status.</summary>
    /// <param name="code">The code.</param>
    /// <returns>1 (belum wajib) and 2 (belum rekam) → <see cref="KtpElStatus.Unregistered"/>; 3 (sudah rekam) →
    /// <see cref="KtpElStatus.BioCaptured"/>; 4 → <see cref="KtpElStatus.CardPrinted"/>; 5 → <see cref="KtpElStatus.PrintReadyRecord"/>;
    /// 6 → <see cref="KtpElStatus.CardShipped"/>; 7 → <see cref="KtpElStatus.SentForCardPrinting"/>; 8 → <see cref="KtpElStatus.CardIssued"/>.</returns>
    /// <remarks>Code 1 says the village system judged the resident not wajib KTP; that judgement is not a recording status and
    /// is dropped: decide eligibility with <see cref="Eligibility.KtpEligibilityPolicy"/>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is <see cref="VillageSystemStatusCode.None"/> or undefined.</exception>
    public static KtpElStatus FromVillageSystemCode(VillageSystemStatusCode code) => FromVillageSystemCode((int)code);

    /// <summary>Returns the SIAK name of a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The upper-case SIAK name, for example <c>"PRINT_READY_RECORD"</c> for <see cref="KtpElStatus.PrintReadyRecord"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is <see cref="KtpElStatus.None"/> or undefined.</exception>
    public static string GetSiakName(KtpElStatus status)
    {
        KtpElLifecycle.CheckStatus(status, nameof(status));
        return s_siakNames[(int)status];
    }

    // Echo the value, except that a long run of digits may be a NIK from a misaligned column: only its length is told.
    private static string DescribeValue(string text)
    {
        var trimmed = text.AsSpan().Trim();
        return trimmed.Length > 3 && !trimmed.ContainsAnyExceptInRange('0', '9') ? Invariant($"A number of {trimmed.Length} digits")
            : text.Length > 40 ? Invariant($"'{text[..40]}...' ({text.Length} characters)")
            : Invariant($"'{text}'");
    }
}
