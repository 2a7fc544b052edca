namespace Kependudukan.Recording;

/// <summary>The simpler KTP-el status codes 1-8 that village information systems (OpenSID) store.</summary>
/// <remarks>
/// <para>The numeric values are the village-system codes. Map them to SIAK statuses with
/// <see cref="KtpElStatusParser.FromVillageSystemCode(VillageSystemStatusCode)"/>. The village system knows no
/// processing or failure steps, and its code 1 records an eligibility judgement rather than a recording status: the
/// library maps it to <see cref="KtpElStatus.Unregistered"/> and decides wajib KTP itself with
/// <see cref="Eligibility.KtpEligibilityPolicy"/>.</para>
/// <para>The value <see cref="None"/> is the default and is never valid as an argument.</para>
/// </remarks>
public enum VillageSystemStatusCode
{
    /// <summary>Not set; never valid as an argument.</summary>
    None = 0,

    /// <summary>Code 1, belum wajib: not yet wajib KTP, so not recorded.</summary>
    NotWajibKtp = 1,

    /// <summary>Code 2, belum rekam: wajib KTP but not recorded.</summary>
    NotRecorded = 2,

    /// <summary>Code 3, sudah rekam: biometrics recorded.</summary>
    Recorded = 3,

    /// <summary>Code 4: card printed.</summary>
    CardPrinted = 4,

    /// <summary>Code 5: print ready record (PRR).</summary>
    PrintReadyRecord = 5,

    /// <summary>Code 6: card shipped to the issuing office.</summary>
    CardShipped = 6,

    /// <summary>Code 7: sent for card printing.</summary>
    SentForCardPrinting = 7,

    /// <summary>Code 8: card issued to the resident.</summary>
    CardIssued = 8,
}
