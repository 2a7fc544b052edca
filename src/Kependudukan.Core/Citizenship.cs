namespace Kependudukan;

/// <summary>Citizenship and stay-permit class of a resident, as far as KTP-el eligibility needs it.</summary>
/// <remarks>The value <see cref="None"/> is the default and is never valid as an argument.</remarks>
public enum Citizenship
{
    /// <summary>Not set; never valid as an argument.</summary>
    None = 0,

    /// <summary>Indonesian citizen (Warga Negara Indonesia).</summary>
    Wni = 1,

    /// <summary>Foreign national holding a permanent stay permit (ITAP/KITAP); may be wajib KTP while the permit is valid.</summary>
    ForeignerWithItap = 2,

    /// <summary>Foreign national holding a limited stay permit (ITAS/KITAS); receives an SKTT, never a KTP-el.</summary>
    ForeignerWithItas = 3,
}
