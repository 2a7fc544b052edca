namespace Kependudukan.Coverage;

/// <summary>How a percentage is cut to the requested number of decimals for display.</summary>
/// <remarks>
/// <para>The value <see cref="None"/> is the default and is never valid as an argument. Rounding is done on the exact
/// rational value, never on a binary floating-point approximation, and never with .NET's default banker's rounding.</para>
/// </remarks>
public enum PercentRounding
{
    /// <summary>Not set; never valid as an argument.</summary>
    None = 0,

    /// <summary>Round to nearest, halves away from zero, as national Dukcapil releases do (92.8475 → 92.85).</summary>
    HalfAwayFromZero = 1,

    /// <summary>Drop the further decimals (round toward zero), as the Kalimantan Timur report did (87.1772… → 87.17).</summary>
    Truncate = 2,
}
