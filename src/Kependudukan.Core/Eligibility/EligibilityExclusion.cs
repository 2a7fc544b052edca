namespace Kependudukan.Eligibility;

/// <summary>Why a resident is not wajib KTP.</summary>
/// <remarks>When several hold, the first in declaration order is reported. <see cref="None"/> means no exclusion (wajib KTP).</remarks>
public enum EligibilityExclusion
{
    /// <summary>No exclusion: the resident is wajib KTP.</summary>
    None = 0,

    /// <summary>Born after the as-of date.</summary>
    NotYetBorn = 1,

    /// <summary>Deceased on or before the as-of date.</summary>
    Deceased = 2,

    /// <summary>Moved abroad on or before the as-of date; national recording targets exclude WNI living abroad.</summary>
    LivingAbroad = 3,

    /// <summary>A foreigner with a limited stay permit (ITAS): gets an SKTT, never a KTP-el.</summary>
    ItasHolder = 4,

    /// <summary>A foreigner whose permanent stay permit (ITAP) expired before the as-of date.</summary>
    ItapExpired = 5,

    /// <summary>Under 17 and never married.</summary>
    TooYoungNeverMarried = 6,
}
