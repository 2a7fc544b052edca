namespace Kependudukan.Devices;

/// <summary>A rule for dividing a number of whole units (devices, seats) among regions in proportion to their weights.</summary>
/// <remarks>
/// <para>The divisor (highest-averages) methods give units one at a time to the region whose next unit has the highest
/// priority, its weight divided by a divisor that grows with the units it already has: <see cref="Jefferson"/> divides by
/// n + 1, <see cref="Webster"/> by n + ½, <see cref="Adams"/> by n and <see cref="HuntingtonHill"/> by √(n(n + 1)).
/// They are house-monotone: adding a unit never takes one away from a region. <see cref="Hamilton"/> is the quota
/// method: every region gets the whole part of its exact share and the rest go to the largest fractional parts; it stays
/// within quota but can show the Alabama paradox (a region loses a unit when the total grows).</para>
/// <para>The value 0 (<see cref="None"/>) is not a method and is rejected by every API.</para>
/// </remarks>
public enum ApportionmentMethod
{
    /// <summary>No method; not valid as an argument.</summary>
    None = 0,

    /// <summary>Largest remainder with the Hare quota (Hamilton, Vinton).</summary>
    Hamilton = 1,

    /// <summary>Highest averages with divisors 1, 2, 3, … (Jefferson, D'Hondt): rounds every exact share down.</summary>
    Jefferson = 2,

    /// <summary>Highest averages with divisors 1, 3, 5, … (Webster, Sainte-Laguë): rounds every exact share to the nearest whole number.</summary>
    Webster = 3,

    /// <summary>Highest averages with divisors 0, 1, 2, … (Adams): rounds every exact share up, so every region with a positive weight gets at least one unit.</summary>
    Adams = 4,

    /// <summary>Highest averages with divisors √(n(n + 1)) (Huntington-Hill, method of equal proportions, the US House method): every region with a positive weight gets at least one unit.</summary>
    HuntingtonHill = 5,

    /// <summary>The same number of units for every region with a positive weight (for example two printers for every regency), whatever its weight.</summary>
    EqualShare = 6,
}
