namespace Kependudukan.Regions;

/// <summary>Level of a Kemendagri region code (kode wilayah).</summary>
/// <remarks>The value <see cref="None"/> is the default and is never valid as an argument.
/// Levels are ordered from the largest area to the smallest.</remarks>
public enum RegionLevel
{
    /// <summary>Not set; never valid as an argument.</summary>
    None = 0,

    /// <summary>Province (provinsi), code <c>PP</c>.</summary>
    Province = 1,

    /// <summary>Regency (kabupaten, <c>KK</c> 01-69) or city (kota, <c>KK</c> 71-99), code <c>PP.KK</c>.</summary>
    Regency = 2,

    /// <summary>District (kecamatan), code <c>PP.KK.CC</c>.</summary>
    District = 3,

    /// <summary>Village (desa or kelurahan), code <c>PP.KK.CC.DDDD</c>.</summary>
    Village = 4,
}
