namespace Kependudukan.Recording;

/// <summary>The spellings of a KTP-el status that <see cref="KtpElStatusParser.TryParse(ReadOnlySpan{char}, KtpElStatusStyles, out KtpElStatus)"/>
/// accepts besides SIAK names (any case, surrounding white space ignored) and village-system codes 1-8.</summary>
[Flags]
public enum KtpElStatusStyles
{
    /// <summary>SIAK names and codes only (the default).</summary>
    None = 0,

    /// <summary>A space or a hyphen may stand for each underscore of a SIAK name, as hand-made spreadsheets write them:
    /// <c>print ready record</c>, <c>CARD-ISSUED</c>.</summary>
    AllowWordSeparators = 1,

    /// <summary><c>PRR</c> for <see cref="KtpElStatus.PrintReadyRecord"/>, the abbreviation of SIAK reports.</summary>
    AllowAbbreviations = 2,
}
