namespace Kependudukan;

/// <summary>Marital status (status kawin) as recorded in the civil registry.</summary>
/// <remarks>The value <see cref="None"/> is the default and is never valid as an argument.</remarks>
public enum MaritalStatus
{
    /// <summary>Not set; never valid as an argument.</summary>
    None = 0,

    /// <summary>Never married (belum kawin).</summary>
    NeverMarried = 1,

    /// <summary>Married (kawin).</summary>
    Married = 2,

    /// <summary>Divorced (cerai hidup).</summary>
    Divorced = 3,

    /// <summary>Widowed (cerai mati).</summary>
    Widowed = 4,
}
