namespace Kependudukan.Eligibility;

/// <summary>Which condition of UU 23/2006 Pasal 63(1) (as amended by UU 24/2013) made a resident wajib KTP.</summary>
/// <remarks>When several hold, the first in this order is reported: age, then marriage. <see cref="None"/> means not wajib KTP.</remarks>
public enum WajibKtpBasis
{
    /// <summary>Not wajib KTP.</summary>
    None = 0,

    /// <summary>At least 17 years old.</summary>
    Age = 1,

    /// <summary>Under 17 and married (kawin).</summary>
    Married = 2,

    /// <summary>Under 17 and previously married (divorced or widowed).</summary>
    PreviouslyMarried = 3,
}
