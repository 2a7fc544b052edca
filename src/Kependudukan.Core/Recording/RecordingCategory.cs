namespace Kependudukan.Recording;

/// <summary>Coverage category of a KTP-el status: what the status counts as in coverage indicators.</summary>
/// <remarks>The value <see cref="None"/> is the default and is never valid as an argument. Categories
/// <see cref="Recorded"/> to <see cref="Issued"/> are ordered along the lifecycle; each of them counts as recorded
/// (sudah rekam). See <see cref="RecordingStatusMapping"/> for which status maps to which category.</remarks>
public enum RecordingCategory : byte
{
    /// <summary>Not set; never valid as an argument.</summary>
    None = 0,

    /// <summary>No biometrics recorded (belum rekam).</summary>
    NotRecorded = 1,

    /// <summary>Biometrics captured, not yet print-ready.</summary>
    Recorded = 2,

    /// <summary>Print Ready Record (PRR) or queued for printing.</summary>
    PrintReady = 3,

    /// <summary>Card printed (or shipped), not yet handed over.</summary>
    Printed = 4,

    /// <summary>Card handed to the resident.</summary>
    Issued = 5,

    /// <summary>Recording failed; the resident must record again. Not counted as recorded.</summary>
    Failed = 6,

    /// <summary>Duplicate of an existing record; no card. Not counted as recorded by default.</summary>
    Duplicate = 7,
}
