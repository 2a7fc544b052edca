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
        status = KtpElStatus.None;
        if (text is null)
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span.Length == 1 && span[0] is >= '1' and <= '8')
        {
            status = s_villageSystemStatuses[span[0] - '0'];
            return true;
        }

        for (var i = 1; i < s_siakNames.Length; i++)
        {
            if (span.Equals(s_siakNames[i], StringComparison.OrdinalIgnoreCase))
            {
                status = (KtpElStatus)i;
                return true;
            }
        }

        return false;
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
