namespace Kependudukan.Recording;

/// <summary>KTP-el recording and printing status as SIAK reports it.</summary>
/// <remarks>The value <see cref="None"/> is the default and is never valid as an argument. The happy path runs from
/// <see cref="Unregistered"/> to <see cref="CardIssued"/>; the four failure statuses come from central or regional processing.</remarks>
public enum KtpElStatus
{
    /// <summary>Not set; never valid as an argument.</summary>
    None = 0,

    /// <summary>UNREGISTERED: no biometrics recorded (belum rekam).</summary>
    Unregistered = 1,

    /// <summary>BIO_CAPTURED: biometrics captured at the recording desk.</summary>
    BioCaptured = 2,

    /// <summary>PROCESSING: the record is being processed regionally.</summary>
    Processing = 3,

    /// <summary>SENT_FOR_ENROLLMENT: sent to the central system.</summary>
    SentForEnrollment = 4,

    /// <summary>RECEIVED_AT_CENTRAL: received by the central system, awaiting de-duplication.</summary>
    ReceivedAtCentral = 5,

    /// <summary>PRINT_READY_RECORD (PRR): passed de-duplication and may be printed.</summary>
    PrintReadyRecord = 6,

    /// <summary>SENT_FOR_CARD_PRINTING: queued for printing.</summary>
    SentForCardPrinting = 7,

    /// <summary>CARD_PRINTED: the card is printed.</summary>
    CardPrinted = 8,

    /// <summary>CARD_SHIPPED: the card is on its way to the issuing office.</summary>
    CardShipped = 9,

    /// <summary>CARD_ISSUED: the card is handed to the resident.</summary>
    CardIssued = 10,

    /// <summary>ENROLL_FAILURE_AT_CENTRAL: enrolment failed centrally.</summary>
    EnrollFailureAtCentral = 11,

    /// <summary>SEARCH_FAILURE_AT_CENTRAL: the biometric search failed centrally.</summary>
    SearchFailureAtCentral = 12,

    /// <summary>ENROLL_FAILURE_AT_REGIONAL: enrolment failed regionally; the resident must record again.</summary>
    EnrollFailureAtRegional = 13,

    /// <summary>DUPLICATE_RECORD: the biometrics match an existing record; no card is printed.</summary>
    DuplicateRecord = 14,
}
