namespace Kependudukan;

/// <summary>Sex of a resident as recorded in the civil registry (jenis kelamin).</summary>
/// <remarks>The value <see cref="None"/> is the default and is never valid as an argument.</remarks>
public enum Sex
{
    /// <summary>Not set; never valid as an argument.</summary>
    None = 0,

    /// <summary>Male (laki-laki).</summary>
    Male = 1,

    /// <summary>Female (perempuan); the NIK encodes it by adding 40 to the birth day.</summary>
    Female = 2,
}
